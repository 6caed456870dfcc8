// A write refused after it reached the database (ON CONFLICT DO NOTHING, then 409) leaves no
// audit row: the log records only changes that happened (issue 14).
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../schema/tables/tenant";
import { launchCt24Phuong } from "../support/templates";
import { treeAt } from "../support/tree";

async function auditCount(tree: Awaited<ReturnType<typeof treeAt>>, action: string) {
  const [row] = await tree.db
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.action, action));
  return row!.n;
}

describe("refused writes leave no audit row", () => {
  it("logs one meeting.create for one meeting, however often it is asked", async () => {
    const tree = await treeAt("2023-09-08T02:00:00Z");
    const id = await launchCt24Phuong(tree);
    const body = { unitId: tree.cellA.id, stepKey: "cb-sinh-hoat" };
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push((await tree.api("a1", "POST", `/campaigns/${id}/meetings`, body)).status);
    expect(answers).toEqual([201, 409, 409, 409]);
    expect(await auditCount(tree, "meeting.create")).toBe(1);
  });

  it("logs one grant.add for one grant, however often it is asked", async () => {
    const tree = await treeAt();
    const path = `/accounts/${tree.userIds.a1}/grants`;
    const body = { role: "viewer", unitId: tree.root.id };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await tree.api("admin", "POST", path, body)).status);
    expect(answers).toEqual([201, 409, 409]);
    expect(await auditCount(tree, "grant.add")).toBe(1);
  });
});
