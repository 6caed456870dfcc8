// The template editor's server side (issue 12): a copy carries the đảng bộ's own issuing body,
// keys are made from Vietnamese names, a step's date error comes back under the step's path,
// stale saves are 409 and leave no audit row; a draft campaign is refreshed from its template
// or deleted.
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getBuiltInTemplate } from "../../schema/templates";
import type { TemplateDefinition } from "../../schema/template";
import { auditLog, campaignUnits, campaigns } from "../../schema/tables/tenant";
import { ct24Filled, saveCt24Phuong } from "../support/templates";
import { treeAt, type Tree } from "../support/tree";

const auditCount = async (tree: Tree, action: string) =>
  (await tree.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;

const read = async (tree: Tree, key: string) =>
  (await tree.api<TemplateDefinition & { version: number }>("admin", "GET", `/templates/${key}`))
    .body;

/** The definition as the editor sends it back (what GET adds is not part of it). */
function editable(t: Record<string, unknown>): TemplateDefinition {
  const { builtIn, launchBlockers, ...def } = t;
  void builtIn;
  void launchBlockers;
  return def as unknown as TemplateDefinition;
}

describe("copying a template", () => {
  it("makes the key from a Vietnamese name with a dash and prints the đảng bộ, not the seed", async () => {
    const tree = await treeAt();
    const r = await tree.api<{ key: string }>("admin", "POST", "/templates", {
      fromKey: "tu-soi-tu-sua",
      name: "Tự soi, tự sửa – Đảng bộ phường Đức Giang",
    });
    expect(r.status).toBe(201);
    expect(r.body.key).toBe("tu-soi-tu-sua-dang-bo-phuong-duc-giang");
    const def = await read(tree, r.body.key);
    expect(def.issuing).toEqual({ body: "Đảng bộ phuong-mau", place: "phuong-mau" });
    expect(JSON.stringify(def.issuing)).not.toContain("Long Biên");
    // The built-in itself carries no issuing body: its papers use the tenant's name.
    expect(getBuiltInTemplate("tu-soi-tu-sua")?.issuing).toBeUndefined();
  });

  it("asks for a key in Vietnamese when the name has no letter to make one from", async () => {
    const tree = await treeAt();
    const r = await tree.api<{ error: { code: string; fields: Record<string, string> } }>(
      "admin",
      "POST",
      "/templates",
      { fromKey: "tu-soi-tu-sua", name: "– – –" },
    );
    expect(r.status).toBe(422);
    expect(r.body.error.fields.key).toMatch(/tự đặt khóa/);
    expect(await auditCount(tree, "template.clone")).toBe(0);
  });
});

describe("saving an edited template", () => {
  it("answers a step date that does not match its rebase under the step's own path", async () => {
    const tree = await treeAt();
    await saveCt24Phuong(tree.api);
    const def = editable(await read(tree, "ct24-phuong"));
    const i = def.steps.findIndex((s) => s.key === "cb-bao-cao");
    const due = def.steps[i]!.due as { date: string };
    /** The field errors of saving `def` as it is now (422 expected). */
    const fieldsOfSave = async () => {
      const r = await tree.api<{ error: { fields: Record<string, string> } }>(
        "admin",
        "PUT",
        "/templates/ct24-phuong",
        { version: 1, definition: def },
      );
      expect(r.status).toBe(422);
      return r.body.error.fields;
    };
    due.date = "2023-11-02";
    expect((await fieldsOfSave())[`steps.${i}.due.date`]).toMatch(/không khớp/);
    // A date that is not a date at all: the shape check, the same path.
    due.date = "2023-02-30";
    expect((await fieldsOfSave())[`steps.${i}.due.date`]).toBe("Ngày không có thật.");
    expect(await auditCount(tree, "template.save")).toBe(1); // saveCt24Phuong's own save
  });

  it("saves a moved date with its rebase, the issuing body and an NFC text; logs the parts", async () => {
    const tree = await treeAt();
    await saveCt24Phuong(tree.api);
    const def = editable(await read(tree, "ct24-phuong"));
    const step = def.steps.find((s) => s.key === "cb-bao-cao")!;
    step.due = {
      kind: "absolute",
      date: "2023-11-01",
      rule: "truoc-ngay",
      rebase: { anchor: "campaign-end", offsetDays: 42 },
    };
    def.issuing = { body: "Đảng ủy phường Đức Giang", place: "Đức Giang" };
    step.title = "Báo cáo kết quả".normalize("NFD");
    const r = await tree.api("admin", "PUT", "/templates/ct24-phuong", {
      version: 1,
      definition: def,
    });
    expect(r.status).toBe(200);
    const saved = await read(tree, "ct24-phuong");
    expect(saved.steps.find((s) => s.key === "cb-bao-cao")?.title).toBe(
      "Báo cáo kết quả".normalize("NFC"),
    );
    expect(saved.issuing?.place).toBe("Đức Giang");
    const rows = await tree.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, "template.save"));
    expect(JSON.parse(rows.at(-1)!.after!)).toEqual({ version: 1, parts: ["issuing", "steps"] });
  });

  it("lets one of several saves of the same version win; the others are 409 and log nothing", async () => {
    const tree = await treeAt();
    await saveCt24Phuong(tree.api);
    const before = await auditCount(tree, "template.save");
    const saves = await Promise.all(
      [1, 2, 3].map((n) =>
        tree.api("admin", "PUT", "/templates/ct24-phuong", {
          version: 1,
          definition: { ...ct24Filled(), name: `CT 24 — lần ${n}` },
        }),
      ),
    );
    expect(saves.map((s) => s.status).sort()).toEqual([200, 409, 409]);
    expect(await auditCount(tree, "template.save")).toBe(before + 1);
  });
});

describe("a draft campaign's way out", () => {
  /** A draft on the built-in CT 24, whose 25 expressions are empty: it cannot launch. */
  async function stuckDraft(tree: Tree) {
    const { body } = await tree.api<{ id: string }>("admin", "POST", "/campaigns", {
      templateKey: "ct24-sinh-hoat",
      name: "Kế hoạch 155-KH/ĐU",
      startsOn: "2023-09-07",
      dueOn: "2023-09-20",
      unitIds: [tree.root.id],
    });
    const launch = await tree.api("admin", "POST", `/campaigns/${body.id}/launch`);
    expect(launch.status).toBe(422);
    return body.id;
  }

  it("takes the đảng bộ's filled-in copy, keeps name and units, and then launches", async () => {
    const tree = await treeAt("2023-09-08T02:00:00Z");
    const id = await stuckDraft(tree);
    const detail = await tree.api<{ launchBlockers: string[]; version: number }>(
      "admin",
      "GET",
      `/campaigns/${id}`,
    );
    expect(detail.body.launchBlockers.join(" ")).toMatch(/còn thiếu 25\/25/);
    await saveCt24Phuong(tree.api);
    const r = await tree.api<{ launchBlockers: string[]; templateKey: string; version: number }>(
      "admin",
      "POST",
      `/campaigns/${id}/refresh`,
      { version: detail.body.version, templateKey: "ct24-phuong" },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ templateKey: "ct24-phuong", launchBlockers: [], version: 2 });
    // The same version again is stale: 409, and one refresh in the log.
    const again = await tree.api("admin", "POST", `/campaigns/${id}/refresh`, {
      version: detail.body.version,
    });
    expect(again.status).toBe(409);
    expect(await auditCount(tree, "campaign.refresh")).toBe(1);
    const [row] = await tree.db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(row).toMatchObject({ name: "Kế hoạch 155-KH/ĐU", templateKey: "ct24-phuong" });
    expect((await tree.api("admin", "POST", `/campaigns/${id}/launch`)).status).toBe(200);
    // Launched: neither refreshed nor deleted any more, and nothing logged for trying.
    const late = await tree.api("admin", "POST", `/campaigns/${id}/refresh`, { version: 2 });
    expect(late.status).toBe(409);
    expect((await tree.api("admin", "DELETE", `/campaigns/${id}`)).status).toBe(409);
    expect(await auditCount(tree, "campaign.refresh")).toBe(1);
    expect(await auditCount(tree, "campaign.delete")).toBe(0);
  });

  it("deletes a stuck draft with its units, once", async () => {
    const tree = await treeAt("2023-09-08T02:00:00Z");
    const id = await stuckDraft(tree);
    const answers = await Promise.all(
      [1, 2].map(() => tree.api("admin", "DELETE", `/campaigns/${id}`)),
    );
    // The loser finds it gone (404) or, racing, not a draft any more (409).
    const [won, lost] = answers.map((a) => a.status).sort();
    expect(won).toBe(204);
    expect([404, 409]).toContain(lost);
    expect(
      await tree.db.select().from(campaignUnits).where(eq(campaignUnits.campaignId, id)),
    ).toEqual([]);
    expect(await auditCount(tree, "campaign.delete")).toBe(1);
  });

  it("refuses another template's key it cannot find with 404 and writes nothing", async () => {
    const tree = await treeAt("2023-09-08T02:00:00Z");
    const id = await stuckDraft(tree);
    const r = await tree.api("admin", "POST", `/campaigns/${id}/refresh`, {
      version: 1,
      templateKey: "khong-co",
    });
    expect(r.status).toBe(404);
    expect(await auditCount(tree, "campaign.refresh")).toBe(0);
  });
});
