// The cell's work after the plans (issue: meetings, compliance, publication, supervision,
// reviews, reports), walked with the documents' own dates and rules.
import { describe, expect, it } from "vitest";
import { launchCt24Phuong, saveDienDan2017 } from "../support/templates";
import { treeAt, fullPlan000, launchCampaign, type Tree } from "../support/tree";

type Mark = { rule: string; status: string; reason: string };
type Compliance = {
  units: { unitId: string; unitName: string; marks: Mark[] }[];
  summary: Record<string, Record<string, number>>;
};
type Meeting = { id: string; version: number };

const ict = (local: string) => `${local}:00+07:00`;

/** `local` (Asia/Ho_Chi_Minh) plus `minutes`, as `ict` writes it. */
const ictPlus = (local: string, minutes: number) =>
  ict(new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16));

/** `who` schedules a meeting for `at`, records that it started then and lasted `minutes`, with
 *  the rest of how it went (`held`), and calls the roll. */
async function recordMeeting(
  tree: Tree,
  who: string,
  meeting: { campaignId: string; unitId: string; stepKey: string; at: string; minutes: number },
  held: Record<string, unknown>,
  entries: Record<string, unknown>[],
): Promise<void> {
  const { campaignId, at, minutes, ...where } = meeting;
  const scheduled = (
    await tree.api<{ meeting: Meeting }>(who, "POST", `/campaigns/${campaignId}/meetings`, {
      ...where,
      scheduledAt: ict(at),
    })
  ).body.meeting;
  const recorded = (
    await tree.api<{ meeting: Meeting }>(who, "PATCH", `/meetings/${scheduled.id}`, {
      version: scheduled.version,
      startedAt: ict(at),
      endedAt: ictPlus(at, minutes),
      ...held,
    })
  ).body.meeting;
  await tree.api(who, "PUT", `/meetings/${recorded.id}/attendance`, {
    version: recorded.version,
    entries,
  });
}

describe("CT 24 (004): meetings, compliance and reports with the plan's dates", () => {
  it("marks each cell against ≥ 90 minutes, materials 3 days ahead on Sổ tay, not merged, roll-call, vote, report on time", async () => {
    const tree = await treeAt("2023-09-08T02:00:00Z");
    const { api, ids, cellA, cellB, root } = tree;
    const id = await launchCt24Phuong(tree);

    // Cell 1 does everything by the book.
    const a = (
      await api<{ meeting: Meeting }>("a1", "POST", `/campaigns/${id}/meetings`, {
        unitId: cellA.id,
        stepKey: "cb-sinh-hoat",
        scheduledAt: ict("2023-09-18T19:30"),
        place: "Nhà văn hóa khu dân cư số 1",
      })
    ).body.meeting;
    expect(
      (
        await api("a1", "POST", `/campaigns/${id}/meetings`, {
          unitId: cellA.id,
          stepKey: "cb-sinh-hoat",
        })
      ).status,
    ).toBe(409);
    // A secretary cannot schedule for another cell.
    expect(
      (
        await api("b1", "POST", `/campaigns/${id}/meetings`, {
          unitId: cellA.id,
          stepKey: "cb-sinh-hoat",
        })
      ).status,
    ).toBe(404);
    let m = (
      await api<{ meeting: Meeting }>("a1", "PATCH", `/meetings/${a.id}`, {
        version: a.version,
        soTayLink: "https://sotaydangvien.vn/tai-lieu/ct24",
        soTayPostedAt: ict("2023-09-15T19:30"),
      })
    ).body.meeting;
    // A meeting is recorded as held once it has taken place: the three meetings are written
    // up on the evening of 19/9, after the last of them.
    tree.t.clock.now = new Date("2023-09-19T14:00:00Z");
    m = (
      await api<{ meeting: Meeting }>("a1", "PATCH", `/meetings/${m.id}`, {
        version: m.version,
        startedAt: ict("2023-09-18T19:30"),
        endedAt: ict("2023-09-18T21:00"),
        mergedWithRegular: false,
        minutesSecretary: "Trần Thị Bình",
        // 004 §IV.1, §IV.3: the UVTV in charge or the ĐUV following the cell attends.
        guests: [
          { name: "Nguyễn Văn Chỉ", organisation: "Đảng ủy phường", role: "uvtv-duv-theo-doi" },
        ],
        minutes: "Biên bản sinh hoạt chính trị, tư tưởng…",
        // The six items of the programme, each with who presented it.
        agenda: [1, 2, 3, 4, 5, 6].map((no) => ({ no, presenter: "Đồng chí Bí thư" })),
        vote: { for: 2, against: 0, abstain: 0 },
      })
    ).body.meeting;
    m = (
      await api<{ meeting: Meeting }>("a1", "PUT", `/meetings/${m.id}/attendance`, {
        version: m.version,
        entries: [
          { memberId: ids.a1, presence: "present", isCommittee: true, spokeOrder: 1 },
          { memberId: ids.a2, presence: "present", spokeOrder: 2 },
          { memberId: ids.a3, presence: "excused", reason: "Ốm" },
          { memberId: ids.a5, presence: "absent" },
        ],
      })
    ).body.meeting;
    // A stale write is refused and changes nothing.
    expect(
      (await api("a1", "PATCH", `/meetings/${m.id}`, { version: 1, place: "Nơi khác" })).status,
    ).toBe(409);
    // Roll-call is limited to the unit's own members.
    expect(
      (
        await api<{ error: { fields: Record<string, string> } }>(
          "a1",
          "PUT",
          `/meetings/${m.id}/attendance`,
          { version: m.version, entries: [{ memberId: ids.b2, presence: "present" }] },
        )
      ).status,
    ).toBe(422);

    // Cell 2: materials one hour short, 89 minutes, merged with the regular meeting, vote not carried.
    await recordMeeting(
      tree,
      "b1",
      {
        campaignId: id,
        unitId: cellB.id,
        stepKey: "cb-sinh-hoat",
        at: "2023-09-19T19:00",
        minutes: 89,
      },
      {
        soTayPostedAt: ict("2023-09-16T20:00"),
        mergedWithRegular: true,
        vote: { for: 1, against: 1, abstain: 0 },
      },
      [
        { memberId: ids.b1, presence: "present", spokeOrder: 1 },
        { memberId: ids.b2, presence: "present" },
      ],
    );

    // The đảng ủy meets too; one of its two committee members present does not speak.
    await recordMeeting(
      tree,
      "admin",
      {
        campaignId: id,
        unitId: root.id,
        stepKey: "du-sinh-hoat",
        at: "2023-09-19T08:00",
        minutes: 120,
      },
      {
        materialsSentAt: ict("2023-09-14T08:00"),
        mergedWithRegular: false,
        vote: { for: 2, against: 0, abstain: 0 },
      },
      [
        { memberId: ids.a1, presence: "present", isCommittee: true, spokeOrder: 1 },
        { memberId: ids.b1, presence: "present", isCommittee: true },
      ],
    );

    // Reports before 30/10/2023: cell 1 at 23:59 on 29/10, cell 2 at 00:00 on 30/10.
    const report = {
      "ngay-sinh-hoat": "2023-09-18",
      "ket-qua": "Chi bộ đã tổ chức sinh hoạt đầy đủ.",
    };
    tree.t.clock.now = new Date("2023-10-29T16:59:00Z");
    expect(
      (
        await api("a1", "PUT", `/campaigns/${id}/reports/${cellA.id}`, {
          reportKey: "bao-cao-dang-uy-phuong",
          data: report,
        })
      ).status,
    ).toBe(200);
    tree.t.clock.now = new Date("2023-10-29T17:00:00Z");
    await api("b1", "PUT", `/campaigns/${id}/reports/${cellB.id}`, {
      reportKey: "bao-cao-dang-uy-phuong",
      data: report,
    });
    const missingField = await api<{ error: { fields: Record<string, string> } }>(
      "b1",
      "PUT",
      `/campaigns/${id}/reports/${cellB.id}`,
      { reportKey: "bao-cao-dang-uy-phuong", data: { "ket-qua": "x" }, version: 1 },
    );
    expect(Object.keys(missingField.body.error.fields)).toEqual(["ngay-sinh-hoat"]);

    tree.t.clock.now = new Date("2023-11-02T02:00:00Z");
    const compliance = (await api<Compliance>("admin", "GET", `/campaigns/${id}/compliance`)).body;
    const marks = (unitId: string) =>
      Object.fromEntries(
        compliance.units.find((u) => u.unitId === unitId)!.marks.map((x) => [x.rule, x.status]),
      );
    expect(marks(cellA.id)).toEqual({
      "cb-sinh-hoat:held": "pass",
      "cb-sinh-hoat:materials": "pass",
      "cb-sinh-hoat:duration": "pass",
      "cb-sinh-hoat:separate": "pass",
      "cb-sinh-hoat:roll-call": "pass",
      "cb-sinh-hoat:attendees": "pass",
      "cb-sinh-hoat:minutes-secretary": "pass",
      "cb-sinh-hoat:agenda": "pass",
      "cb-sinh-hoat:vote-minutes": "pass",
      "report:bao-cao-dang-uy-phuong": "pass",
      // Telling the UVTV/ĐUV the schedule is done by an acknowledgement neither cell made.
      "step:cb-bao-lich": "fail",
    });
    expect(marks(cellB.id)).toEqual({
      "cb-sinh-hoat:held": "pass",
      "cb-sinh-hoat:materials": "late",
      "cb-sinh-hoat:duration": "fail",
      "cb-sinh-hoat:separate": "fail",
      "cb-sinh-hoat:roll-call": "pass",
      "cb-sinh-hoat:attendees": "fail",
      // Cell 2 named no minutes secretary and recorded none of the programme.
      "cb-sinh-hoat:minutes-secretary": "fail",
      "cb-sinh-hoat:agenda": "fail",
      "cb-sinh-hoat:vote-minutes": "fail",
      "report:bao-cao-dang-uy-phuong": "late",
      "step:cb-bao-lich": "fail",
    });
    expect(marks(root.id)).toMatchObject({
      "du-sinh-hoat:held": "pass",
      "du-sinh-hoat:materials": "pass",
      "du-sinh-hoat:speakers-committee-members": "fail",
      "report:bao-cao-ban-thuong-vu": "pending",
    });
    const cellBReasons = compliance.units.find((u) => u.unitId === cellB.id)!.marks;
    expect(cellBReasons.find((x) => x.rule === "cb-sinh-hoat:duration")!.reason).toBe(
      "Chỉ kéo dài 89 phút (yêu cầu tối thiểu 90 phút).",
    );
    expect(cellBReasons.find((x) => x.rule === "cb-sinh-hoat:attendees")!.reason).toBe(
      "Thiếu: Đồng chí Ủy viên Ban Thường vụ phụ trách, Đảng ủy viên theo dõi chi bộ.",
    );
    expect(compliance.summary["cb-sinh-hoat:duration"]).toEqual({
      pass: 1,
      late: 0,
      fail: 1,
      pending: 0,
    });

    // Each secretary sees its own cell; the level above sees which units reported.
    expect(
      (await api<Compliance>("b1", "GET", `/campaigns/${id}/compliance`)).body.units.map(
        (u) => u.unitId,
      ),
    ).toEqual([cellB.id]);
    await tree.addUser("thuong-truc", [["viewer", root.id]]);
    const reports = (
      await api<{ reports: { unitName: string; mark: { status: string }; data?: unknown }[] }>(
        "thuong-truc",
        "GET",
        `/campaigns/${id}/reports`,
      )
    ).body.reports;
    expect(reports.map((r) => [r.unitName, r.mark.status]).sort()).toEqual(
      [
        ["Chi bộ Khu dân cư số 1", "pass"],
        ["Chi bộ Khu dân cư số 2", "late"],
        [`Đảng bộ ${tree.slug}`, "pending"],
      ].sort(),
    );
    expect(reports.every((r) => !("data" in r))).toBe(true);
    // 004 gives the đảng ủy's own report no date ("sau đợt sinh hoạt"): it is never overdue.
    // The cell's tasks for the meeting are done.
    const tasks = (
      await api<{ tasks: { step: string; status: string }[] }>("a1", "GET", "/my/tasks")
    ).body.tasks;
    expect(
      Object.fromEntries(
        tasks.filter((x) => x.step.startsWith("cb-")).map((x) => [x.step, x.status]),
      ),
    ).toEqual({
      "cb-chuan-bi": "done",
      "cb-dang-tai-lieu": "done",
      "cb-bao-lich": "todo",
      "cb-sinh-hoat": "done",
      "cb-bao-cao": "done",
    });
  });
});

describe("Diễn đàn chi bộ (003): the forum, the resolution vote and the monthly follow-up", () => {
  it("records the forum and the resolution, and reviews each member's plan by month, half-year and year", async () => {
    const tree = await treeAt("2017-08-01T02:00:00Z");
    const { api, ids, cellA, root } = tree;
    await saveDienDan2017(api);
    const id = await launchCampaign(api, root.id, {
      templateKey: "dien-dan-2017",
      name: "Diễn đàn 2017",
      startsOn: "2017-07-17",
      dueOn: "2017-12-31",
    });

    const forum = (
      await api<{ meeting: Meeting }>("a1", "POST", `/campaigns/${id}/meetings`, {
        unitId: cellA.id,
        stepKey: "dien-dan",
        scheduledAt: ict("2017-09-10T08:00"),
      })
    ).body.meeting;
    tree.t.clock.now = new Date("2017-10-05T14:00:00Z"); // both meetings have taken place
    await api("a1", "PATCH", `/meetings/${forum.id}`, {
      version: forum.version,
      startedAt: ict("2017-09-10T08:00"),
      endedAt: ict("2017-09-10T10:30"),
    });
    await recordMeeting(
      tree,
      "a1",
      {
        campaignId: id,
        unitId: cellA.id,
        stepKey: "thong-qua-nghi-quyet",
        at: "2017-10-05T19:00",
        minutes: 60,
      },
      {
        vote: { for: 2, against: 1, abstain: 0 },
      },
      [ids.a1, ids.a2, ids.a5].map((memberId) => ({ memberId, presence: "present" })),
    );

    tree.t.clock.now = new Date("2018-01-05T02:00:00Z");
    const compliance = (await api<Compliance>("a1", "GET", `/campaigns/${id}/compliance`)).body;
    const cell = Object.fromEntries(
      compliance.units.find((u) => u.unitId === cellA.id)!.marks.map((x) => [x.rule, x.status]),
    );
    // 003 sets no duration, materials or roll-call rule: only what it states is judged. The
    // forum invites the Thường trực Đảng ủy (003 §II.1.3), who is not recorded here.
    expect(cell).toEqual({
      "dien-dan:held": "pass",
      "dien-dan:attendees": "fail",
      // Nor its minutes secretary, nor the programme's items.
      "dien-dan:minutes-secretary": "fail",
      "dien-dan:agenda": "fail",
      "thong-qua-nghi-quyet:held": "pass",
      "thong-qua-nghi-quyet:vote-resolution": "pass",
      // The chi ủy's draft resolution (a unit form) and the signing ceremony (acknowledged)
      // were not recorded in this walk.
      "step:hop-chi-uy": "fail",
      "step:le-ky-cam-ket": "fail",
      // The rà soát hằng tháng on 003's form is owed from the month after the signing.
      "monthly-review": "pending",
      // The year-end ranking input was owed by 31/12/2017 and not recorded.
      "follow-up:xep-loai-cuoi-nam": "fail",
      // So was each member's own (003 §II.3.4): none of the four recorded theirs.
      "follow-up:tu-danh-gia-cuoi-nam": "fail",
    });

    // Monthly reviews in the regular cell meeting, the half-year summary, the year-end input.
    for (const [period, rating] of [
      ["2017-10", "hoan-thanh"],
      ["2017-11", "hoan-thanh-tot"],
      ["2017-H2", "hoan-thanh-tot"],
      ["2017", "hoan-thanh-tot"],
    ])
      expect(
        (
          await api("a1", "PUT", `/campaigns/${id}/reviews`, {
            memberId: ids.a2,
            period,
            rating,
            note: `Nhận xét kỳ ${period}`,
          })
        ).status,
      ).toBe(200);
    await api("a1", "PUT", `/campaigns/${id}/reviews`, {
      memberId: ids.a2,
      period: "2017-10",
      rating: "hoan-thanh-tot",
      note: "Sửa lại nhận xét tháng 10",
    });
    const mine = (
      await api<{ reviews: { period: string; kind: string; rating: string }[] }>(
        "a2",
        "GET",
        `/campaigns/${id}/reviews?memberId=${ids.a2}`,
      )
    ).body.reviews;
    expect(mine.map((r) => [r.period, r.kind, r.rating])).toEqual([
      ["2017", "year-end", "hoan-thanh-tot"],
      ["2017-10", "monthly", "hoan-thanh-tot"],
      ["2017-11", "monthly", "hoan-thanh-tot"],
      ["2017-H2", "six-monthly", "hoan-thanh-tot"],
    ]);
    expect((await api("b1", "GET", `/campaigns/${id}/reviews?memberId=${ids.a2}`)).status).toBe(
      404,
    );
    expect(
      (
        await api("b1", "PUT", `/campaigns/${id}/reviews`, {
          memberId: ids.a2,
          period: "2017-12",
          rating: "hoan-thanh",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api("a1", "PUT", `/campaigns/${id}/reviews`, {
          memberId: ids.a2,
          period: "2017-13",
          rating: "hoan-thanh",
        })
      ).status,
    ).toBe(422);
  });
});

describe("supervisors and the public page (000)", () => {
  it("shows a supervisor only the confirmed plans routed to its body, and the public only the routed ones", async () => {
    const tree = await treeAt("2026-03-12T02:00:00Z");
    const { api, ids, root } = tree;
    const mttq = await tree.addUnit("Ủy ban MTTQ Việt Nam phường", "doan-the");
    const congDoan = await tree.addUnit("Công đoàn cơ sở phường", "doan-the");
    await tree.addUser("mttq", [["supervisor", mttq.id]]);
    await tree.addUser("congdoan", [["supervisor", congDoan.id]]);
    const id = await launchCampaign(api, root.id, { name: "Tự soi, tự sửa 2026" });
    const plan = async (who: string, name: string) => {
      await api(who, "PUT", `/campaigns/${id}/submissions/mine`, {
        formKey: "ke-hoach-tu-duong",
        data: fullPlan000(name),
      });
      return (
        await api<{ id: string }>(who, "POST", `/campaigns/${id}/submissions/mine/submit`, {})
      ).body.id;
    };
    const a2 = await plan("a2", "Trần Thị Bình");
    const b2 = await plan("b2", "Vũ Văn Hải");
    const a5 = await plan("a5", "Hoàng Văn Em");
    await api("a1", "POST", `/submissions/${a2}/confirm`);
    await api("b1", "POST", `/submissions/${b2}/confirm`);
    // a5's plan is submitted but not confirmed: routed to nobody yet.

    const seen = (
      await api<{ plans: { fullName: string; submissionId: string }[] }>(
        "mttq",
        "GET",
        "/supervision/plans",
      )
    ).body.plans;
    // Vũ Văn Hải is diện BTV Quận ủy: 000 §II.4 sends his plan to the district's bodies, not
    // to the ward's MTTQ (issue 10: the supervisor's level is honoured).
    expect(seen.map((p) => p.fullName).sort()).toEqual(["Trần Thị Bình"]);
    expect(
      (await api<{ plans: unknown[] }>("congdoan", "GET", "/supervision/plans")).body.plans,
    ).toEqual([]);
    expect((await api("mttq", "GET", `/submissions/${a2}`)).status).toBe(200);
    expect((await api("mttq", "GET", `/submissions/${a5}`)).status).toBe(404);
    expect((await api("congdoan", "GET", `/submissions/${a2}`)).status).toBe(404);
    // A supervisor comments and changes nothing.
    expect(
      (
        await api("mttq", "POST", `/submissions/${a2}/comments`, {
          body: "Đề nghị cụ thể hóa việc khắc phục.",
        })
      ).status,
    ).toBe(201);
    expect(
      (await api("congdoan", "POST", `/submissions/${a2}/comments`, { body: "Góp ý" })).status,
    ).toBe(404);
    expect(
      (await api("mttq", "POST", `/submissions/${a2}/return`, { comment: "Trả lại" })).status,
    ).toBe(403);
    expect(
      (await api("mttq", "PATCH", `/members/${ids.a2}`, { position: "x", version: 1 })).status,
    ).toBe(403);
    const comments = (
      await api<{ comments: { authorRole: string; body: string }[] }>(
        "a2",
        "GET",
        `/submissions/${a2}/comments`,
      )
    ).body.comments;
    expect(comments.map((c) => [c.authorRole, c.body])).toEqual([
      ["giam-sat", "Đề nghị cụ thể hóa việc khắc phục."],
    ]);

    // The public page: only the Chủ tịch UBND phường is routed to publication by 000, and only
    // once confirmed — and it shows the confirmed text even after a later edit.
    await api("b2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: "ke-hoach-tu-duong",
      data: { ...fullPlan000("Vũ Văn Hải"), "khac-phuc": "Bản sửa chưa xác nhận." },
      version: 3,
    });
    const res = await tree.t.app.request(`http://localhost/api/t/${tree.slug}/public/plans`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      plans: { fullName: string; position: string; data: { "khac-phuc": string } }[];
    };
    expect(page.plans.map((p) => [p.fullName, p.position])).toEqual([
      ["Vũ Văn Hải", "Chủ tịch UBND phường"],
    ]);
    expect(page.plans[0]!.data["khac-phuc"]).toBe(fullPlan000("Vũ Văn Hải")["khac-phuc"]);
    // The form comes with it, so the page can label each answer as the printed plan does.
    expect(
      (page.plans[0] as unknown as { form: { key: string; title: string } }).form,
    ).toMatchObject({ key: "ke-hoach-tu-duong" });
    expect(JSON.stringify(page)).not.toContain("Trần Thị Bình");
  });
});
