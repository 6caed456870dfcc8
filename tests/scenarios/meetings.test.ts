// Meetings as the directives describe them (issue 10), through the app with CT 24's (004)
// dates: no meeting recorded before it starts, two sessions of one step, the Chủ tịch UBND
// on the UBND's roll-call, and attendance completing "Dự sinh hoạt" for progress.
import { describe, expect, it } from "vitest";
import { launch002, launchCt24Phuong } from "../support/templates";
import { treeAt, progressTotals, type Tree } from "../support/tree";

type Meeting = { id: string; version: number; session: number };
const ict = (local: string) => `${local}:00+07:00`;

/** Schedules, holds (90 minutes) and calls the roll of a cell's meeting. */
async function hold(
  tree: Tree,
  who: string,
  campaignId: string,
  unitId: string,
  start: string,
  entries: { memberId: string; presence: string; spokeOrder?: number; role?: string }[],
  extra: Record<string, unknown> = {},
) {
  const { api } = tree;
  const created = await api<{ meeting: Meeting }>(
    who,
    "POST",
    `/campaigns/${campaignId}/meetings`,
    {
      unitId,
      stepKey: "cb-sinh-hoat",
      scheduledAt: ict(start),
      ...extra,
    },
  );
  expect(created.status).toBe(201);
  const m = created.body.meeting;
  const end = new Date(new Date(ict(start)).getTime() + 90 * 60_000).toISOString();
  const p = await api<{ meeting: Meeting }>(who, "PATCH", `/meetings/${m.id}`, {
    version: m.version,
    startedAt: ict(start),
    endedAt: end,
  });
  expect(p.status).toBe(200);
  const r = await api<{ meeting: Meeting }>(who, "PUT", `/meetings/${m.id}/attendance`, {
    version: p.body.meeting.version,
    entries,
  });
  expect(r.status).toBe(200);
  return r.body.meeting;
}

const totals = async (tree: Tree, id: string) =>
  (await tree.api<{ totals: Record<string, number> }>("admin", "GET", `/campaigns/${id}/progress`))
    .body.totals;

describe("a meeting cannot be recorded as held before its start", () => {
  it("refuses a start or an end still ahead of now, and changes nothing", async () => {
    const tree = await treeAt("2023-09-08T02:00:00Z");
    const id = await launchCt24Phuong(tree);
    const m = (
      await tree.api<{ meeting: Meeting }>("a1", "POST", `/campaigns/${id}/meetings`, {
        unitId: tree.cellA.id,
        stepKey: "cb-sinh-hoat",
        scheduledAt: ict("2023-09-18T19:30"),
      })
    ).body.meeting;
    const early = await tree.api<{ error: { code: string; message: string; fields: object } }>(
      "a1",
      "PATCH",
      `/meetings/${m.id}`,
      { version: m.version, startedAt: ict("2023-09-18T19:30"), endedAt: ict("2023-09-18T21:00") },
    );
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe("INVALID_BODY");
    expect(early.body.error.fields).toEqual({
      startedAt: "Giờ bắt đầu chưa đến.",
      endedAt: "Giờ kết thúc chưa đến.",
    });
    const after = (
      await tree.api<{ meeting: Meeting & { startedAt: unknown } }>(
        "a1",
        "GET",
        `/meetings/${m.id}`,
      )
    ).body.meeting;
    expect([after.version, after.startedAt]).toEqual([m.version, null]);
    // The roll-call may be taken first; the attending tasks follow once the start is written.
    const rc = await tree.api<{ meeting: Meeting }>("a1", "PUT", `/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: [{ memberId: tree.ids.a2, presence: "present" }],
    });
    expect(rc.status).toBe(200);
    const status = async () =>
      (
        await tree.api<{ tasks: { step: string; status: string }[] }>("a2", "GET", "/my/tasks")
      ).body.tasks.find((x) => x.step === "dv-du-sinh-hoat")!.status;
    expect(await status()).toBe("todo");
    // One minute after it started, the start can be written; the end not yet.
    tree.t.clock.now = new Date("2023-09-18T12:31:00Z");
    const ended = await tree.api("a1", "PATCH", `/meetings/${m.id}`, {
      version: rc.body.meeting.version,
      endedAt: ict("2023-09-18T21:00"),
    });
    expect(ended.status).toBe(422);
    const ok = await tree.api("a1", "PATCH", `/meetings/${m.id}`, {
      version: rc.body.meeting.version,
      startedAt: ict("2023-09-18T19:30"),
    });
    expect(ok.status).toBe(200);
    expect(await status()).toBe("done");
  });
});

describe("two sessions of one step", () => {
  it("keeps both, and refuses a second first session", async () => {
    const tree = await treeAt("2023-09-19T14:00:00Z");
    const id = await launchCt24Phuong(tree);
    const { ids, cellA } = tree;
    await hold(tree, "a1", id, cellA.id, "2023-09-12T19:30", [
      { memberId: ids.a1!, presence: "present" },
    ]);
    const again = await tree.api("a1", "POST", `/campaigns/${id}/meetings`, {
      unitId: cellA.id,
      stepKey: "cb-sinh-hoat",
    });
    expect(again.status).toBe(409);
    const second = await hold(
      tree,
      "a1",
      id,
      cellA.id,
      "2023-09-18T19:30",
      [{ memberId: ids.a2!, presence: "present" }],
      { session: 2 },
    );
    expect(second.session).toBe(2);
    const list = (await tree.api<{ meetings: Meeting[] }>("a1", "GET", `/campaigns/${id}/meetings`))
      .body.meetings;
    expect(list.map((x) => x.session).sort()).toEqual([1, 2]);
    // Present at either session: both members' "Dự sinh hoạt" is done.
    const a2 = (
      await tree.api<{ tasks: { step: string; status: string }[] }>("a2", "GET", "/my/tasks")
    ).body.tasks;
    expect(a2.find((x) => x.step === "dv-du-sinh-hoat")!.status).toBe("done");
  });
});

describe("the UBND's roll-call (004 §II.4.3)", () => {
  it("accepts the Chủ tịch UBND from a cell in his role, and no one else from outside", async () => {
    const tree = await treeAt("2023-09-19T14:00:00Z");
    const ubnd = await tree.addUnit("UBND phường", "co-quan");
    const id = await launchCt24Phuong(tree);
    const m = (
      await tree.api<{ meeting: Meeting }>("admin", "POST", `/campaigns/${id}/meetings`, {
        unitId: ubnd.id,
        stepKey: "cq-sinh-hoat",
      })
    ).body.meeting;
    const noRole = await tree.api("admin", "PUT", `/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: [{ memberId: tree.ids.b2, presence: "present" }],
    });
    expect(noRole.status).toBe(422);
    const wrongRole = await tree.api("admin", "PUT", `/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: [{ memberId: tree.ids.b2, presence: "present", role: "uvtv-duv-theo-doi" }],
    });
    expect(wrongRole.status).toBe(422);
    const ok = await tree.api("admin", "PUT", `/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: [{ memberId: tree.ids.b2, presence: "present", role: "lanh-dao-ubnd" }],
    });
    expect(ok.status).toBe(200);
    // Outside guests are recorded with their organisation, in a role the meeting names.
    const v = (ok.body as { meeting: Meeting }).meeting.version;
    const badGuest = await tree.api("admin", "PATCH", `/meetings/${m.id}`, {
      version: v,
      guests: [{ name: "Lê Văn Khách", organisation: "Quận ủy", role: "lanh-dao-ubnd-quan" }],
    });
    expect(badGuest.status).toBe(422);
    const guest = await tree.api<{ meeting: { guests: unknown[] } }>(
      "admin",
      "PATCH",
      `/meetings/${m.id}`,
      {
        version: v,
        guests: [{ name: "Lê Văn Bí", organisation: "Đảng ủy phường", role: "bi-thu-dang-uy" }],
      },
    );
    expect(guest.body.meeting.guests).toEqual([
      { name: "Lê Văn Bí", organisation: "Đảng ủy phường", role: "bi-thu-dang-uy" },
    ]);
  });
});

describe("attendance feeds the member's task (004: Dự sinh hoạt)", () => {
  it("counts a compliant session before 20/9 with everyone present as 100% done, nobody late", async () => {
    const tree = await treeAt("2023-09-19T14:00:00Z");
    const id = await launchCt24Phuong(tree);
    const { ids, cellA, cellB } = tree;
    const present = (k: string, spokeOrder?: number) => ({
      memberId: ids[k]!,
      presence: "present",
      ...(spokeOrder ? { spokeOrder } : {}),
    });
    await hold(tree, "a1", id, cellA.id, "2023-09-18T19:30", [
      present("a1", 1),
      present("a2"),
      present("a4"),
      present("a5"),
    ]);
    const b = await hold(tree, "b1", id, cellB.id, "2023-09-19T19:00", [
      present("b1", 1),
      present("b2"),
    ]);
    tree.t.clock.now = new Date("2023-09-25T02:00:00Z");
    const all = { expected: 6, submitted: 6, confirmed: 6, onTime: 6, late: 0, excused: 1 };
    expect(await totals(tree, id)).toEqual(all);
    const a5 = (
      await tree.api<{ tasks: { step: string; status: string }[] }>("a5", "GET", "/my/tasks")
    ).body.tasks;
    expect(a5.find((x) => x.step === "dv-du-sinh-hoat")!.status).toBe("done");

    // An unexcused absentee is not done (and late); an excused one leaves the count.
    await tree.api("b1", "PUT", `/meetings/${b.id}/attendance`, {
      version: b.version,
      entries: [present("b1", 1), { memberId: ids.b2, presence: "absent" }],
    });
    expect(await totals(tree, id)).toEqual({
      ...all,
      submitted: 5,
      confirmed: 5,
      onTime: 5,
      late: 1,
    });
    const b2 = (
      await tree.api<{ tasks: { step: string; status: string }[] }>("b2", "GET", "/my/tasks")
    ).body.tasks;
    expect(b2.find((x) => x.step === "dv-du-sinh-hoat")!.status).toBe("todo");
    await tree.api("b1", "PUT", `/meetings/${b.id}/attendance`, {
      version: b.version + 1,
      entries: [present("b1", 1), { memberId: ids.b2, presence: "excused", reason: "Công tác" }],
    });
    expect(await totals(tree, id)).toEqual(progressTotals(5, 5, 5, 5, 0, 2));
  });
});

describe("002's formats and monthly sessions", () => {
  it("offers only the template's formats, and marks a month without a session", async () => {
    const tree = await treeAt("2022-04-01T02:00:00Z");
    const id = await launch002(tree);
    const wrong = await tree.api<{ error: { fields: Record<string, string> } }>(
      "a1",
      "POST",
      `/campaigns/${id}/meetings`,
      { unitId: tree.cellA.id, stepKey: "hoi-nghi", format: "hop-mat" },
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields).toEqual({
      format:
        "Hình thức phải là một trong: Hội nghị kiểm điểm tự phê bình và phê bình; Tọa đàm khoa học; Sinh hoạt chuyên đề.",
    });
    const april = (
      await tree.api<{ meeting: Meeting }>("a1", "POST", `/campaigns/${id}/meetings`, {
        unitId: tree.cellA.id,
        stepKey: "hoi-nghi",
        format: "toa-dam-khoa-hoc",
      })
    ).body.meeting;
    tree.t.clock.now = new Date("2022-04-20T12:00:00Z");
    await tree.api("a1", "PATCH", `/meetings/${april.id}`, {
      version: april.version,
      startedAt: ict("2022-04-20T14:00"),
      endedAt: ict("2022-04-20T16:00"),
    });
    tree.t.clock.now = new Date("2022-06-10T02:00:00Z");
    type C = {
      units: { unitId: string; marks: { rule: string; status: string; reason: string }[] }[];
    };
    const held = (await tree.api<C>("admin", "GET", `/campaigns/${id}/compliance`)).body.units
      .find((u) => u.unitId === tree.cellA.id)!
      .marks.find((m) => m.rule === "hoi-nghi:held");
    expect(held).toMatchObject({
      status: "fail",
      // From April: the campaign starts on 31/3, too late for March's meeting.
      reason: "Đã sinh hoạt 1/3 tháng; chưa có buổi tháng 5/2022, 6/2022.",
    });
  });
});
