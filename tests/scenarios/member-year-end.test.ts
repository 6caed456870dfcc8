// Each member's own year-end input (issue 10), on 001 with the document's dates: every
// expected member of a cell owes a self-assessment by the end of 31/12/2022 (ICT), recorded by
// the member or by the secretary on their behalf. The cell's list says who is on time, late,
// missing or excused; compliance counts each unit; the member sees it in their tasks.
// Refused records change nothing and leave no audit row.
import { describe, expect, it } from "vitest";
import { auditLog } from "../../schema/tables/tenant";
import { getBuiltInTemplate } from "../../schema/templates";
import type { TemplateDefinition } from "../../schema/template";
import { launch001, saveTemplateCopy } from "../support/templates";
import { launchCampaign, treeAt } from "../support/tree";

type List = {
  dueOn: string;
  members: { fullName: string; state: string; reason: string; record: { level: string } | null }[];
};
type Marks = {
  units: { unitId: string; marks: { rule: string; status: string; reason: string }[] }[];
};
type Tasks = {
  tasks: { step: string; title: string; dueAt: string; status: string; yearEnd?: object }[];
};
const STEP = "~tu-danh-gia-cuoi-nam";

describe("each member's year-end input (001 §II.4)", () => {
  it("is recorded by the member or for them, marked on time / late / missing / excused", async () => {
    const tree = await treeAt("2022-03-01T02:00:00Z");
    const { api, cellA, ids } = tree;
    const id = await launch001(tree);
    const list = async () =>
      Object.fromEntries(
        (
          await api<List>("a1", "GET", `/campaigns/${id}/follow-ups/${cellA.id}/members`)
        ).body.members.map((m) => [m.fullName, `${m.state}: ${m.reason}`]),
      );
    expect(await list()).toEqual({
      "Hoàng Văn Em": "pending: Hạn đến hết ngày 31/12/2022.",
      "Lê Văn Cường": "excused: Được miễn theo quy định của đợt.",
      "Nguyễn Văn An": "pending: Hạn đến hết ngày 31/12/2022.",
      "Phạm Thị Dung": "pending: Hạn đến hết ngày 31/12/2022.",
      "Trần Thị Bình": "pending: Hạn đến hết ngày 31/12/2022.",
    });

    // The member sees it among their tasks, due by the end of 31/12/2022 ICT.
    const mine = async (who: string) =>
      (await api<Tasks>(who, "GET", "/my/tasks")).body.tasks.find((t) => t.step === STEP);
    expect(await mine("a2")).toMatchObject({
      dueAt: "2022-12-31T17:00:00.000Z",
      status: "todo",
      yearEnd: { record: null },
    });
    // An excused member has no tasks in the campaign, and owes nothing.
    expect(await mine("a3")).toBeUndefined();

    // a2 records her own at 23:59 on 31/12 ICT: on time.
    tree.t.clock.now = new Date("2022-12-31T16:59:00Z");
    const body = {
      version: 0,
      level: "hoan-thanh-tot",
      note: "Hoàn thành các nội dung cam kết trong kế hoạch cá nhân.",
    };
    const own = await api("a2", "PUT", `/campaigns/${id}/follow-ups/mine`, body);
    expect(own.status).toBe(200);
    expect((await mine("a2"))?.status).toBe("done");

    // Refused, leaving no trace: stale, unknown level, a day ahead, an empty note, a member of
    // another unit through this one, another cell's secretary, a member writing for another.
    const audits = async () => (await tree.db.select().from(auditLog)).length;
    const before = await audits();
    const forA5 = `/campaigns/${id}/follow-ups/${cellA.id}/members/${ids.a5}`;
    const refused = [
      await api("a2", "PUT", `/campaigns/${id}/follow-ups/mine`, body),
      await api("a1", "PUT", forA5, { ...body, level: "xuat-sac" }),
      await api("a1", "PUT", forA5, { ...body, doneOn: "2023-01-01" }),
      await api("a1", "PUT", forA5, { ...body, note: "  " }),
      await api("a1", "PUT", `/campaigns/${id}/follow-ups/${cellA.id}/members/${ids.b2}`, body),
      await api("b1", "PUT", forA5, body),
      await api("a2", "PUT", forA5, body),
    ].map((r) => r.status);
    expect(refused).toEqual([409, 422, 422, 422, 404, 404, 403]);
    expect(await audits()).toBe(before);

    // The secretary records a5's at 00:00 on 01/01/2023 ICT: late.
    tree.t.clock.now = new Date("2022-12-31T17:00:00Z");
    const late = await api("a1", "PUT", forA5, { ...body, level: "hoan-thanh" });
    expect(late.status).toBe(200);
    expect(await audits()).toBe(before + 1);

    tree.t.clock.now = new Date("2023-01-02T02:00:00Z");
    expect(await list()).toEqual({
      "Hoàng Văn Em": "late: Ghi nhận ngày 01/01/2023, sau hạn 31/12/2022.",
      "Lê Văn Cường": "excused: Được miễn theo quy định của đợt.",
      "Nguyễn Văn An": "missing: Chưa ghi nhận khi đã hết hạn 31/12/2022.",
      "Phạm Thị Dung": "missing: Chưa ghi nhận khi đã hết hạn 31/12/2022.",
      "Trần Thị Bình": "on-time: Ghi nhận ngày 31/12/2022.",
    });
    const marks = (await api<Marks>("admin", "GET", `/campaigns/${id}/compliance`)).body.units;
    const mark = (unitId: string) =>
      marks
        .find((u) => u.unitId === unitId)!
        .marks.find((m) => m.rule === "follow-up:tu-danh-gia-cuoi-nam");
    expect(mark(cellA.id)).toMatchObject({
      status: "fail",
      reason: "Đúng hạn 1/4, muộn 1, chưa có 2, được miễn 1 (hạn 31/12/2022).",
    });
    expect(mark(tree.cellB.id)).toMatchObject({
      status: "fail",
      reason: "Đúng hạn 0/2, muộn 0, chưa có 2 (hạn 31/12/2022).",
    });
  });

  it("is owed again by a member who moved cell, and saved there without a stale version", async () => {
    const tree = await treeAt("2022-12-01T02:00:00Z");
    const { api, cellB, ids } = tree;
    const id = await launch001(tree);
    const body = { version: 0, level: "hoan-thanh", note: "Hoàn thành kế hoạch cá nhân." };
    expect((await api("a2", "PUT", `/campaigns/${id}/follow-ups/mine`, body)).status).toBe(200);
    const member = (
      await api<{ member: { version: number } }>("admin", "GET", `/members/${ids.a2}`)
    ).body.member;
    const moved = await api("admin", "PATCH", `/members/${ids.a2}`, {
      unitId: cellB.id,
      version: member.version,
    });
    expect(moved.status).toBe(200);
    // The new cell's list and the member's task agree with the count: not recorded here yet.
    const inB = (
      await api<List>("b1", "GET", `/campaigns/${id}/follow-ups/${cellB.id}/members`)
    ).body.members.find((m) => m.fullName === "Trần Thị Bình");
    expect(inB).toMatchObject({ state: "pending", record: null });
    const task = (await api<Tasks>("a2", "GET", "/my/tasks")).body.tasks.find(
      (t) => t.step === STEP,
    );
    expect(task).toMatchObject({ status: "todo", yearEnd: { record: null } });
    // Saved in the new cell from version 0: no 409.
    expect((await api("a2", "PUT", `/campaigns/${id}/follow-ups/mine`, body)).status).toBe(200);
    expect(
      (
        await api<List>("b1", "GET", `/campaigns/${id}/follow-ups/${cellB.id}/members`)
      ).body.members.find((m) => m.fullName === "Trần Thị Bình"),
    ).toMatchObject({ state: "on-time" });
  });

  it("is listed only to members of the units its ranking concerns, where the save takes it", async () => {
    const tree = await treeAt("2022-03-01T02:00:00Z");
    const { api } = tree;
    const def = structuredClone(getBuiltInTemplate("tu-soi-tu-sua-so")) as TemplateDefinition;
    def.followUp.yearEndRanking!.appliesTo = { unitNameExcludes: ["số 1"] };
    const key = "tu-soi-tu-sua-tru-so-1";
    await saveTemplateCopy(api, { fromKey: "tu-soi-tu-sua-so", key, name: "001 trừ số 1" }, def);
    const id = await launchCampaign(api, tree.root.id, {
      templateKey: key,
      startsOn: "2022-03-01",
      dueOn: "2022-03-28",
    });
    const body = { version: 0, level: "hoan-thanh", note: "Hoàn thành kế hoạch cá nhân." };
    const mine = async (who: string) => {
      const { tasks } = (await api<Tasks>(who, "GET", "/my/tasks")).body;
      expect(tasks.some((t) => t.step !== STEP)).toBe(true);
      return tasks.find((t) => t.step === STEP);
    };
    // Cell 1 is not concerned: its member has the campaign's other tasks but not this one,
    // and saving it is refused.
    expect(await mine("a2")).toBeUndefined();
    expect((await api("a2", "PUT", `/campaigns/${id}/follow-ups/mine`, body)).status).toBe(422);
    // Cell 2's member owes it, and may save it.
    expect(await mine("b2")).toMatchObject({ status: "todo" });
    expect((await api("b2", "PUT", `/campaigns/${id}/follow-ups/mine`, body)).status).toBe(200);
  });
});
