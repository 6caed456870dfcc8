import { afterEach, describe, expect, it } from "vitest";
import { login, makeAppWithDemo, type TestApp } from "../support/app";

let t: TestApp;
afterEach(() => t?.close());

describe("the demo đảng bộ", () => {
  it("has a launched Tự soi, tự sửa campaign with plans in every state", async () => {
    t = await makeAppWithDemo();
    const admin = await login(t, "demo", "admin@demo.vn");
    const { campaigns } = (await (
      await t.request("GET", "/api/t/demo/campaigns", { token: admin.token })
    ).json()) as { campaigns: { id: string; templateKey: string; status: string }[] };
    expect(campaigns.map((c) => [c.templateKey, c.status])).toEqual([["tu-soi-tu-sua", "active"]]);
    const progress = (await (
      await t.request("GET", `/api/t/demo/campaigns/${campaigns[0]!.id}/progress`, {
        token: admin.token,
      })
    ).json()) as { totals: unknown };
    expect(progress.totals).toEqual({
      expected: 9,
      submitted: 4,
      confirmed: 2,
      onTime: 4,
      late: 0,
      excused: 2,
    });

    const secretary = await login(t, "demo", "bithu@demo.vn");
    const queue = (await (
      await t.request("GET", `/api/t/demo/campaigns/${campaigns[0]!.id}/queue`, {
        token: secretary.token,
      })
    ).json()) as { awaitingConfirmation: { fullName: string }[]; missing: { fullName: string }[] };
    expect(queue.awaitingConfirmation.map((q) => q.fullName)).toEqual(["Phạm Quốc Hùng"]);
    expect(queue.missing.map((q) => q.fullName).sort()).toEqual(["Lê Thị Hồng", "Trần Văn Bình"]);

    const member = await login(t, "demo", "dangvien@demo.vn");
    const tasks = (await (
      await t.request("GET", "/api/t/demo/my/tasks", { token: member.token })
    ).json()) as { tasks: { step: string; status: string }[] };
    expect(tasks.tasks.map((x) => [x.step, x.status])).toEqual([
      ["viet-ke-hoach", "draft"],
      ["hoan-thien-ky-nop", "draft"],
    ]);
  });
});
