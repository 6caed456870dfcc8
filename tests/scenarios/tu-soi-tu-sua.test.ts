// Seed 000 (Tự soi, tự sửa, district) walked end to end on a small tree, asserting the exact
// progress figures after each step. Dates are the document's own pattern moved to 2026:
// "hoàn thành trước ngày 10/4" → the meeting by the end of 9/4, plans before 9/4.
import { describe, expect, it } from "vitest";
import {
  treeAt,
  fullPlan000,
  launchCampaign,
  progressTotals,
  submitPlan000,
} from "../support/tree";

type Progress = {
  totals: Record<string, number>;
  units: ({ unitId: string } & Record<string, number>)[];
};

describe("Tự soi, tự sửa (000)", () => {
  it("launches, counts excused members out, and follows plans through draft, submit, return, confirm", async () => {
    const tree = await treeAt("2026-03-12T02:00:00Z");
    const { api, ids } = tree;
    const created = await api<{ id: string; status: string }>("admin", "POST", "/campaigns", {
      templateKey: "tu-soi-tu-sua",
      name: "Sinh hoạt chính trị “Tự soi, tự sửa” năm 2026",
      documentNo: "12-HD/ĐU",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
      unitIds: [tree.root.id],
    });
    expect(created).toEqual({ status: 201, body: { id: expect.any(String), status: "draft" } });
    const id = created.body.id;
    expect((await api("admin", "POST", `/campaigns/${id}/launch`)).body).toEqual({
      id,
      status: "active",
    });
    expect((await api("admin", "POST", `/campaigns/${id}/launch`)).status).toBe(409);

    const progress = async (who = "admin") =>
      (await api<Progress>(who, "GET", `/campaigns/${id}/progress`)).body;
    const totals = async () => (await progress()).totals;
    expect(await totals()).toEqual(progressTotals(5, 0, 0, 0, 0, 2));

    // The member sees what to do and by when: the plan before 9/4 (00:00 ICT = 8/4 17:00 UTC).
    const tasks = (
      await api<{ tasks: { step: string; dueAt: string; status: string; formKey?: string }[] }>(
        "a2",
        "GET",
        "/my/tasks",
      )
    ).body.tasks;
    expect(tasks.map((x) => [x.step, x.dueAt, x.status, x.formKey ?? null])).toEqual([
      ["viet-ke-hoach", "2026-04-08T17:00:00.000Z", "todo", "ke-hoach-tu-duong"],
      ["hoan-thien-ky-nop", "2026-04-09T17:00:00.000Z", "todo", "ke-hoach-tu-duong"],
    ]);
    // Excused members get no tasks.
    expect((await api<{ tasks: unknown[] }>("a3", "GET", "/my/tasks")).body.tasks).toEqual([]);

    // Draft, then a submit that names every missing field by its path in the form.
    const draft = await api<{ version: number }>("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: "ke-hoach-tu-duong",
      data: {
        "ho-ten": "Trần Thị Bình",
        "tu-duong-ren-luyen": { "pham-chat": "Giữ gìn phẩm chất." },
      },
    });
    expect(draft.body).toMatchObject({ version: 1, status: "draft" });
    const incomplete = await api<{ error: { code: string; fields: Record<string, string> } }>(
      "a2",
      "POST",
      `/campaigns/${id}/submissions/mine/submit`,
      {},
    );
    expect(incomplete.status).toBe(422);
    expect(Object.keys(incomplete.body.error.fields).sort()).toEqual([
      "cam-ket",
      "chi-bo",
      "dang-bo",
      "khac-phuc",
      "nam-sinh",
      "tu-duong-ren-luyen.chuc-trach",
      "tu-duong-ren-luyen.nhung-dieu-khong-duoc-lam",
    ]);
    expect(await totals()).toMatchObject({ submitted: 0 });

    const saved = await api<{ version: number }>("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: "ke-hoach-tu-duong",
      data: fullPlan000("Trần Thị Bình"),
      version: 1,
    });
    expect(saved.body.version).toBe(2);
    const sent = await api<{ id: string; status: string; submittedAt: string }>(
      "a2",
      "POST",
      `/campaigns/${id}/submissions/mine/submit`,
      {},
    );
    expect(sent.body).toEqual({
      id: expect.any(String),
      status: "submitted",
      submittedAt: "2026-03-12T02:00:00.000Z",
      version: 3,
    });
    expect(await totals()).toEqual(progressTotals(5, 1, 0, 1, 0, 2));

    // The secretary of the other cell cannot touch it; its own secretary returns it.
    expect(
      (await api("b1", "POST", `/submissions/${sent.body.id}/return`, { comment: "Bổ sung" }))
        .status,
    ).toBe(404);
    const returned = await api("a1", "POST", `/submissions/${sent.body.id}/return`, {
      comment: "Cần nêu rõ hạn chế cụ thể.",
    });
    expect(returned.body).toEqual({ id: sent.body.id, status: "returned", version: 4 });
    expect(await totals()).toEqual(progressTotals(5, 0, 0, 0, 0, 2));

    const mine = await api<{
      submission: { status: string; returnComment: string; version: number };
    }>("a2", "GET", `/campaigns/${id}/submissions/mine`);
    expect(mine.body.submission).toMatchObject({
      status: "returned",
      returnComment: "Cần nêu rõ hạn chế cụ thể.",
      version: 4,
    });
    const plan = {
      ...fullPlan000("Trần Thị Bình"),
      "khac-phuc": "Khắc phục: đi họp đúng giờ, tham gia ý kiến.",
    };
    await api("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: "ke-hoach-tu-duong",
      data: plan,
      version: 4,
    });
    await api("a2", "POST", `/campaigns/${id}/submissions/mine/submit`, {});
    const confirmed = await api<{ status: string; confirmedHash: string }>(
      "a1",
      "POST",
      `/submissions/${sent.body.id}/confirm`,
    );
    expect(confirmed.body).toMatchObject({
      status: "confirmed",
      version: 7,
      confirmedHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await totals()).toEqual(progressTotals(5, 1, 1, 1, 0, 2));

    // A secretary enters a plan for a member without a phone; it is marked as such.
    await api("a1", "PUT", `/campaigns/${id}/submissions/member/${ids.a5}`, {
      formKey: "ke-hoach-tu-duong",
      data: fullPlan000("Hoàng Văn Em"),
    });
    const onBehalf = await api<{ status: string }>(
      "a1",
      "POST",
      `/campaigns/${id}/submissions/member/${ids.a5}/submit`,
      {},
    );
    expect(onBehalf.body.status).toBe("submitted");
    const queue = (
      await api<{
        awaitingConfirmation: { fullName: string; submission: { enteredOnBehalf: boolean } }[];
        missing: { fullName: string }[];
        excused: { fullName: string }[];
      }>("a1", "GET", `/campaigns/${id}/queue`)
    ).body;
    expect(
      queue.awaitingConfirmation.map((q) => [q.fullName, q.submission.enteredOnBehalf]),
    ).toEqual([["Hoàng Văn Em", true]]);
    expect(queue.missing.map((q) => q.fullName)).toEqual(["Nguyễn Văn An"]);
    expect(queue.excused.map((q) => q.fullName).sort()).toEqual(["Lê Văn Cường", "Phạm Thị Dung"]);

    // a5 is excused from 25/3: from that day on they count in `excused` only.
    await api("admin", "POST", `/members/${ids.a5}/status`, {
      status: "tuoi-cao-benh",
      since: "2026-03-25",
    });
    tree.t.clock.now = new Date("2026-03-24T10:00:00Z");
    expect(await totals()).toEqual(progressTotals(5, 2, 1, 2, 0, 2));
    tree.t.clock.now = new Date("2026-03-25T10:00:00Z");
    expect(await totals()).toEqual(progressTotals(4, 1, 1, 1, 0, 3));

    // After the plan deadline: b1 submits late; the others who never did are late too.
    tree.t.clock.now = new Date("2026-04-08T18:00:00Z");
    await submitPlan000(api, id, "b1", "Đỗ Thị Giang");
    const final = await progress();
    expect(final.totals).toEqual(progressTotals(4, 2, 1, 1, 3, 3));
    const byUnit = Object.fromEntries(
      final.units.map((u) => [
        u.unitId,
        { e: u.expected, s: u.submitted, c: u.confirmed, l: u.late, x: u.excused },
      ]),
    );
    expect(byUnit).toEqual({
      [tree.cellA.id]: { e: 2, s: 1, c: 1, l: 1, x: 3 },
      [tree.cellB.id]: { e: 2, s: 1, c: 0, l: 2, x: 0 },
    });
    // A secretary reads only its own subtree.
    expect((await progress("b1")).totals).toEqual(progressTotals(2, 1, 0, 0, 2, 0));
  });

  it("keeps a confirmed plan frozen: a later edit is a draft again and needs confirming", async () => {
    const { api, root } = await treeAt("2026-03-12T02:00:00Z");
    const id = await launchCampaign(api, root.id, { name: "Đợt 1 năm 2026" });
    const sentId = await submitPlan000(api, id, "a2", "Trần Thị Bình");
    const c1 = await api<{ confirmedHash: string; version: number }>(
      "a1",
      "POST",
      `/submissions/${sentId}/confirm`,
    );
    const edited = await api<{ status: string; version: number }>(
      "a2",
      "PUT",
      `/campaigns/${id}/submissions/mine`,
      {
        formKey: "ke-hoach-tu-duong",
        data: { ...fullPlan000("Trần Thị Bình"), "khac-phuc": "Sửa sau khi đã xác nhận." },
        version: c1.body.version,
      },
    );
    expect(edited.body.status).toBe("draft");
    const read = await api<{
      submission: { status: string; confirmedVersion: number; confirmedHash: string };
      versions: { version: number; status: string; data: { "khac-phuc": string } }[];
    }>("a1", "GET", `/submissions/${sentId}?versions=full`);
    expect(read.body.submission).toMatchObject({
      status: "draft",
      confirmedVersion: c1.body.version,
      confirmedHash: c1.body.confirmedHash,
    });
    expect(read.body.versions.map((v) => v.status)).toEqual([
      "draft",
      "submitted",
      "confirmed",
      "draft",
    ]);
    expect(read.body.versions[2]!.data["khac-phuc"]).toBe(
      "Khắc phục hạn chế về tác phong làm việc.",
    );
    expect((await api("a1", "POST", `/submissions/${sentId}/confirm`)).status).toBe(409);
  });
});

describe("a member moved between cells mid-campaign", () => {
  it("takes their plan and their place in the counts to the new cell", async () => {
    const tree = await treeAt("2026-03-12T02:00:00Z");
    const { api, root, ids, cellA, cellB } = tree;
    const id = await launchCampaign(api, root.id);
    const sentId = await submitPlan000(api, id, "a2", "Trần Thị Bình");
    const perUnit = async () =>
      Object.fromEntries(
        (
          await api<{ units: { unitId: string; expected: number; submitted: number }[] }>(
            "admin",
            "GET",
            `/campaigns/${id}/progress`,
          )
        ).body.units.map((u) => [u.unitId, [u.expected, u.submitted]]),
      );
    expect(await perUnit()).toEqual({ [cellA.id]: [3, 1], [cellB.id]: [2, 0] });
    const member = (
      await api<{ member: { version: number } }>("admin", "GET", `/members/${ids.a2}`)
    ).body.member;
    await api("admin", "PATCH", `/members/${ids.a2}`, {
      unitId: cellB.id,
      version: member.version,
    });
    expect(await perUnit()).toEqual({ [cellA.id]: [2, 0], [cellB.id]: [3, 1] });
    // The plan now waits for the new cell's secretary; the old one can no longer act on it.
    expect((await api("a1", "POST", `/submissions/${sentId}/confirm`)).status).toBe(404);
    expect(
      (await api<{ status: string }>("b1", "POST", `/submissions/${sentId}/confirm`)).body.status,
    ).toBe("confirmed");
  });
});
