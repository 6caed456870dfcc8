// Issue 10, "every step can be done": for each built-in, a campaign on the document's own
// dates is walked step by step, each task by its step's declared way and nothing else
// (tests/fidelity/walk.ts). No task may be left with no way to complete it, and the figures
// are exact. The tree (tests/support/tree.ts): cell A — a1 secretary, a2, a3 (miễn sinh
// hoạt), a4 (tuổi cao, sức yếu), a5; cell B — b1 secretary, b2 (diện Ban Thường vụ quản lý,
// Chủ tịch UBND phường); a đảng bộ cơ sở and a cơ quan are added where a step concerns them.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "../../schema/tables/tenant";
import { filled, openTasks, walkCampaign } from "../fidelity/walk";
import { launch002, launchCt24Phuong, saveDienDan2017 } from "../support/templates";
import { launchCampaign, progressTotals, submitPlan000, treeAt } from "../support/tree";

type Totals = ReturnType<typeof progressTotals>;
type Tree = Awaited<ReturnType<typeof treeAt>>;
type Marks = {
  units: { unitId: string; marks: { rule: string; status: string; reason: string }[] }[];
};

const totals = async (tree: Tree, id: string) =>
  (await tree.api<{ totals: Totals }>("admin", "GET", `/campaigns/${id}/progress`)).body.totals;
/** Every compliance mark of the campaign, "unit rule" → status, for the unit steps' records. */
const stepMarks = async (tree: Tree, id: string) =>
  (await tree.api<Marks>("admin", "GET", `/campaigns/${id}/compliance`)).body.units.flatMap((u) =>
    u.marks.filter((m) => m.rule.startsWith("step:")).map((m) => m.status),
  );
/** The unit's compliance mark under `rule`. */
const markOf = async (tree: Tree, id: string, unitId: string, rule: string) =>
  (await tree.api<Marks>("admin", "GET", `/campaigns/${id}/compliance`)).body.units
    .find((u) => u.unitId === unitId)!
    .marks.find((m) => m.rule === rule)!;
/** Steps of the template no task of this tree stands for: the walk must cover every step. */
const stepsWithoutTasks = (def: { steps: { key: string }[] }, tasks: { stepKey: string }[]) =>
  def.steps.map((s) => s.key).filter((k) => !tasks.some((t) => t.stepKey === k));
/** The ICT wall-clock time as an instant. */
const ict = (local: string) => new Date(`${local}:00+07:00`);
/** 000 as Quận ủy Long Biên launched it on 07/3/2022, over the whole tree. */
const launch000Of2022 = (tree: Tree) =>
  launchCampaign(tree.api, tree.root.id, {
    name: "Hướng dẫn ngày 07/3/2022",
    startsOn: "2022-03-11",
    dueOn: "2022-04-10",
  });
/** Walks the campaign with its meetings at `meetingAt` (ICT): every step has a task, none is
 *  left open, and the figures are `expected`. The template's definition. */
async function walkedWhole(tree: Tree, id: string, meetingAt: string, expected: Totals) {
  const { def, tasks } = await walkCampaign(tree, id, { meetingAt: ict(meetingAt) });
  expect(stepsWithoutTasks(def, tasks)).toEqual([]);
  expect(await openTasks(tree, id, def)).toEqual([]);
  expect(await totals(tree, id)).toEqual(expected);
  return def;
}

describe("fidelity: every step of every built-in can be done, by its own way", () => {
  it("000 Tự soi, tự sửa (Quận ủy Long Biên, 07/3/2022)", async () => {
    const tree = await treeAt("2022-03-11T02:00:00Z");
    // "Các tổ chức cơ sở đảng triển khai hướng dẫn" (§III.4): a TCCS has that step.
    await tree.addUnit("Đảng bộ phường Bồ Đề", "dang-bo-co-so");
    const id = await launch000Of2022(tree);
    // The five expected members wrote, submitted and had their plans confirmed before the
    // meeting's eve; a3 and a4 are excused.
    await walkedWhole(tree, id, "2022-04-05T19:30", progressTotals(5, 5, 5, 5, 0, 2));
    // The TCCS's guidance and each cell's copy to the supervising body, recorded on time.
    expect(await stepMarks(tree, id)).toEqual(["pass", "pass", "pass"]);
  });

  it("001 Tự soi, tự sửa (Đảng ủy Sở, 28-KH/ĐUK)", async () => {
    const tree = await treeAt("2022-03-01T02:00:00Z");
    const id = await launchCampaign(tree.api, tree.root.id, {
      templateKey: "tu-soi-tu-sua-so",
      name: "Kế hoạch 28-KH/ĐUK",
      startsOn: "2022-03-01",
      dueOn: "2022-03-28",
    });
    // 001 excuses only members exempt from activities: a4 is expected.
    await walkedWhole(tree, id, "2022-03-18T08:00", progressTotals(6, 6, 6, 6, 0, 1));
    // Each cell's action plan (its own form) and the Đảng ủy's publicity (acknowledged).
    expect(await stepMarks(tree, id)).toEqual(["pass", "pass", "pass"]);
  });

  it("002 Tự soi, tự sửa (Huyện ủy, 05-HD/HU)", async () => {
    const tree = await treeAt("2022-03-31T02:00:00Z");
    await tree.addUnit("Đảng ủy xã Đông Hội", "dang-bo-co-so");
    const id = await launch002(tree);
    await walkedWhole(tree, id, "2022-12-20T08:00", progressTotals(5, 5, 5, 5, 0, 2));
  });

  it("003 Diễn đàn chi bộ (36-HD/BTGTU, 2017)", async () => {
    const tree = await treeAt("2017-07-17T02:00:00Z");
    // The Đảng ủy cơ sở's "kế hoạch chỉ đạo" (003 §III).
    await tree.addUnit("Đảng bộ phường Ngọc Lâm", "dang-bo-co-so");
    await saveDienDan2017(tree.api);
    const id = await launchCampaign(tree.api, tree.root.id, {
      templateKey: "dien-dan-2017",
      name: "Diễn đàn chi bộ 2017",
      startsOn: "2017-07-17",
      dueOn: "2017-12-31",
    });
    // 003 excuses members exempt from activities only: a4 is expected.
    const def = await walkedWhole(tree, id, "2017-12-10T08:00", progressTotals(6, 6, 6, 6, 0, 1));

    // The 6-monthly report (§III.1) is owed by the đảng bộ for each half-year from the start.
    tree.t.clock.now = new Date("2018-01-10T02:00:00Z");
    const periodic = () => markOf(tree, id, tree.root.id, "periodic-report:bao-cao-6-thang");
    expect(await periodic()).toMatchObject({
      status: "fail",
      reason: "Chưa báo cáo kỳ 2017-H2.",
    });
    const form = def.forms.find((f) => f.key === "bao-cao-6-thang")!;
    const file = (period: string, version = 0) =>
      tree.api(
        "admin",
        "PUT",
        `/campaigns/${id}/periodic-reports/bao-cao-6-thang/${tree.root.id}/${period}`,
        {
          version,
          data: filled(form, def.lists),
        },
      );
    expect((await file("2018-H2")).status).toBe(422);
    expect((await file("2017")).status).toBe(422);
    expect((await file("2017-H2")).status).toBe(200);
    expect((await file("2017-H2")).status).toBe(409);
    expect(await periodic()).toMatchObject({ status: "pass", reason: "Đã báo cáo 1/2 kỳ." });
    // The report screen reads each period's latest version back.
    const filed = await tree.api<{ every: string; reports: { period: string; version: number }[] }>(
      "admin",
      "GET",
      `/campaigns/${id}/periodic-reports/bao-cao-6-thang/${tree.root.id}`,
    );
    expect([filed.body.every, filed.body.reports.map((r) => [r.period, r.version])]).toEqual([
      "6-thang",
      [["2017-H2", 1]],
    ]);
  });

  it("004 CT 24 (155-KH/ĐU, 07/9/2023): a compliant session with everyone present is 100% done, nobody late", async () => {
    const tree = await treeAt("2023-09-07T02:00:00Z");
    // The UBND's own session (§II.4.3), and a member of the Đảng ủy who attends its session.
    await tree.addUnit("UBND phường Long Biên", "co-quan");
    const duv = await tree.api("admin", "POST", "/members", {
      fullName: "Đặng Văn Khoa",
      unitId: tree.cellB.id,
      position: "Đảng ủy viên",
    });
    expect(duv.status).toBe(201);
    const id = await launchCt24Phuong(tree);
    // Members only attend: everyone present is done on time (a3 exempt is excused; a4, old
    // but not exempt, attends; so does the Đảng ủy viên).
    await walkedWhole(tree, id, "2023-09-15T19:30", progressTotals(7, 7, 7, 7, 0, 1));
    // Both cells' minutes answer the 25 expressions: how many cells found expression 7.
    const tally = await tree.api<{
      units: number;
      checklists: { field: string; items: { no: number; counts: Record<string, number> }[] }[];
    }>("admin", "GET", `/campaigns/${id}/steps/cb-sinh-hoat/checklist`);
    expect(tally.body.units).toBe(2);
    expect(tally.body.checklists).toHaveLength(1);
    expect(tally.body.checklists[0]!.items).toHaveLength(25);
    expect(tally.body.checklists[0]!.items[6]).toMatchObject({
      no: 7,
      counts: { khong: 0, co: 2 },
    });
    // A cell's secretary sees its own cell only.
    const own = await tree.api<{ units: number }>(
      "a1",
      "GET",
      `/campaigns/${id}/steps/cb-sinh-hoat/checklist`,
    );
    expect(own.body.units).toBe(1);
  });
});

describe("no step completes because another did (000)", () => {
  it("confirming b2's plan leaves the copy to Ban Tuyên giáo and the posting open until each is recorded with its evidence", async () => {
    const tree = await treeAt("2022-03-20T02:00:00Z");
    const id = await launch000Of2022(tree);
    const { api } = tree;
    await walkMemberPlan(tree, id, "b2");
    const status = async (who: string) =>
      Object.fromEntries(
        (
          await api<{ tasks: { step: string; status: string; completion: string }[] }>(
            who,
            "GET",
            "/my/tasks",
          )
        ).body.tasks.map((x) => [x.step, x.status]),
      );
    expect(await status("b2")).toEqual({
      "viet-ke-hoach": "confirmed",
      "hoan-thien-ky-nop": "confirmed",
      "niem-yet-cong-khai": "todo",
      "nop-ban-tuyen-giao": "todo",
    });
    // Cell B's "xác nhận kế hoạch" is done once every plan of the cell is confirmed (b1's
    // too), and only then; its copy to the supervising body stays open.
    const cell = async () =>
      Object.fromEntries(
        (
          await api<{ tasks: { step: string; status: string; unitId: string }[] }>(
            "b1",
            "GET",
            "/my/tasks",
          )
        ).body.tasks
          .filter((x) => x.unitId === tree.cellB.id && !("memberId" in x))
          .map((x) => [x.step, x.status]),
      );
    expect((await cell())["xac-nhan-ke-hoach"]).toBe("todo");
    await walkMemberPlan(tree, id, "b1");
    expect(await cell()).toMatchObject({ "xac-nhan-ke-hoach": "done", "gui-giam-sat": "todo" });

    // An acknowledgement without the evidence the step asks for is refused, leaving no trace.
    const audits = async () => (await tree.db.select().from(auditLog)).length;
    const before = await audits();
    const bare = await api<{ error: { code: string; fields: Record<string, string> } }>(
      "b2",
      "PUT",
      `/campaigns/${id}/steps/nop-ban-tuyen-giao/mine`,
      { version: 0, doneOn: "2022-03-20" },
    );
    expect(bare.status).toBe(422);
    expect(bare.body.error.fields).toEqual({ link: "Cần có đường dẫn hoặc số hiệu văn bản." });
    const future = await api<{ error: { fields: Record<string, string> } }>(
      "b2",
      "PUT",
      `/campaigns/${id}/steps/nop-ban-tuyen-giao/mine`,
      { version: 0, doneOn: "2022-03-21", fileRef: "Giấy biên nhận số 7" },
    );
    expect(future.status).toBe(422);
    expect(future.body.error.fields).toEqual({ doneOn: "Ngày thực hiện chưa đến." });
    // A step done another way cannot be acknowledged: the plan is written, not declared.
    const byForm = await api("b2", "PUT", `/campaigns/${id}/steps/viet-ke-hoach/mine`, {
      version: 0,
      doneOn: "2022-03-20",
      note: "Đã viết",
    });
    expect(byForm.status).toBe(422);
    // a2 is not a cadre the standing committee manages: the step is not theirs.
    const notMine = await api("a2", "PUT", `/campaigns/${id}/steps/nop-ban-tuyen-giao/mine`, {
      version: 0,
      doneOn: "2022-03-20",
      fileRef: "Số 1",
    });
    expect(notMine.status).toBe(422);
    expect(await audits()).toBe(before);

    // With its evidence it is done; a second save on the same version is stale (409).
    const sent = await api<{ version: number; fileRef: string }>(
      "b2",
      "PUT",
      `/campaigns/${id}/steps/nop-ban-tuyen-giao/mine`,
      { version: 0, doneOn: "2022-03-20", fileRef: "Giấy biên nhận số 7" },
    );
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ version: 1, fileRef: "Giấy biên nhận số 7" });
    const stale = await api("b2", "PUT", `/campaigns/${id}/steps/nop-ban-tuyen-giao/mine`, {
      version: 0,
      doneOn: "2022-03-20",
      fileRef: "Giấy biên nhận số 8",
    });
    expect(stale.status).toBe(409);
    expect(await audits()).toBe(before + 1);
    expect((await status("b2"))["nop-ban-tuyen-giao"]).toBe("done");

    // The cell's secretary records the copy sent to the supervising body; a secretary of
    // another cell cannot (404), and the record keeps every version.
    const path = `/campaigns/${id}/steps/gui-giam-sat/units/${tree.cellB.id}`;
    const body = { doneOn: "2022-03-20", note: "Gửi ban công tác mặt trận", fileRef: "CV 3" };
    expect((await api("a1", "PUT", path, { version: 0, ...body })).status).toBe(404);
    expect((await api("b1", "PUT", path, { version: 0, ...body })).status).toBe(200);
    expect((await api("b1", "PUT", path, { version: 1, ...body, fileRef: "CV 4" })).status).toBe(
      200,
    );
    const read = await api<{ versions: { version: number; fileRef: string }[] }>("b1", "GET", path);
    expect(read.body.versions.map((v) => [v.version, v.fileRef])).toEqual([
      [2, "CV 4"],
      [1, "CV 3"],
    ]);
    expect(
      (await tree.db.select().from(auditLog).where(eq(auditLog.action, "step.correct"))).length,
    ).toBe(1);
  });

  it("shows an excused member's task as 'Được miễn', not pending or late", async () => {
    const tree = await treeAt("2022-03-20T02:00:00Z");
    const id = await launch000Of2022(tree);
    // a5 falls ill after the launch: the tasks stay, shown as excused.
    const changed = await tree.api("admin", "POST", `/members/${tree.ids.a5}/status`, {
      status: "tuoi-cao-benh",
      since: "2022-03-19",
    });
    expect(changed.status).toBe(200);
    // Cell A's "xác nhận kế hoạch" waits for its expected members only: a1 and a2, not a5.
    await walkMemberPlan(tree, id, "a1");
    await walkMemberPlan(tree, id, "a2");
    const cellTask = (
      await tree.api<{ tasks: { step: string; status: string; unitId: string }[] }>(
        "a1",
        "GET",
        "/my/tasks",
      )
    ).body.tasks.find((x) => x.step === "xac-nhan-ke-hoach" && !("memberId" in x));
    expect(cellTask?.status).toBe("done");
    tree.t.clock.now = new Date("2022-04-20T02:00:00Z");
    const tasks = (
      await tree.api<{ tasks: { step: string; status: string }[] }>("a5", "GET", "/my/tasks")
    ).body.tasks;
    expect(tasks.map((x) => [x.step, x.status])).toEqual([
      ["viet-ke-hoach", "excused"],
      ["hoan-thien-ky-nop", "excused"],
    ]);
  });
});

/** Member `who` writes and submits 000's plan; the admin confirms it. */
async function walkMemberPlan(tree: Tree, id: string, who: string) {
  const sub = await submitPlan000(tree.api, id, who, who);
  expect((await tree.api("admin", "POST", `/submissions/${sub}/confirm`)).status).toBe(200);
}

describe("follow-up as dated obligations (000 Bước 4)", () => {
  it("owes cell A a review on the template's form each month after the plans are confirmed", async () => {
    const tree = await treeAt("2022-03-20T02:00:00Z");
    const id = await launch000Of2022(tree);
    const review = {
      "nhan-xet-chung": "Đa số đảng viên thực hiện đúng kế hoạch.",
      "mat-duoc": "Gương mẫu trong công tác.",
      "mat-chua-duoc": "Một số đồng chí còn chậm.",
      "yeu-cau-bao-cao": "co",
      "bao-cao-lam-ro": "Đồng chí Hoàng Văn Em báo cáo làm rõ việc vắng sinh hoạt.",
    };
    const path = (m: string) => `/campaigns/${id}/monthly-reviews/${tree.cellA.id}/${m}`;
    /** `who` saves cell A's review of `month` as its first version; the status. */
    const save = async (who: string, month: string) =>
      (await tree.api(who, "PUT", path(month), { version: 0, data: review })).status;
    const mark = () => markOf(tree, id, tree.cellA.id, "monthly-review");
    // Owed from May (the plans are confirmed by 9/4): nothing finished yet.
    expect((await mark()).status).toBe("pending");
    tree.t.clock.now = new Date("2022-05-20T02:00:00Z");
    // The form is the template's: "yêu cầu báo cáo làm rõ" needs who and what.
    const partial = await tree.api<{ error: { fields: Record<string, string> } }>(
      "a1",
      "PUT",
      path("2022-05"),
      { version: 0, data: { ...review, "bao-cao-lam-ro": "" } },
    );
    expect(partial.status).toBe(422);
    expect(Object.keys(partial.body.error.fields)).toEqual(["data.bao-cao-lam-ro"]);
    expect(await save("a1", "2022-06")).toBe(422);
    expect(await save("b1", "2022-05")).toBe(404);
    expect(await save("a1", "2022-05")).toBe(200);
    expect(await save("a1", "2022-05")).toBe(409);
    // July: May done, June missed.
    tree.t.clock.now = new Date("2022-07-15T02:00:00Z");
    expect(await mark()).toEqual(
      expect.objectContaining({ status: "fail", reason: expect.stringContaining("06/2022") }),
    );
    expect(await save("a1", "2022-06")).toBe(200);
    expect(await mark()).toEqual(
      expect.objectContaining({ status: "pass", reason: "Đã nhận xét 2/3 tháng." }),
    );
    const list = await tree.api<{ reviews: { period: string; version: number }[] }>(
      "a1",
      "GET",
      `/campaigns/${id}/monthly-reviews/${tree.cellA.id}`,
    );
    expect(list.body.reviews.map((r) => [r.period, r.version])).toEqual([
      ["2022-06", 1],
      ["2022-05", 1],
    ]);
  });
});
