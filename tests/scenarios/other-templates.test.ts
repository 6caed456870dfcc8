// Scenarios for the other built-ins, each on its own document's dates, with the exact
// progress figures after each step. The tree (tests/support/tree.ts): cell A — a1 secretary,
// a2, a3 (miễn sinh hoạt), a4 (tuổi cao, sức yếu), a5; cell B — b1 secretary, b2 (diện Ban
// Thường vụ quản lý, Chủ tịch UBND phường).
import { afterEach, describe, expect, it } from "vitest";
import { ct24Filled, dienDanFilled, saveCt24Phuong, saveDienDan2017 } from "../support/templates";
import { makeApp, type TestApp } from "../support/app";
import { buildTree, progressTotals } from "../support/tree";

let t: TestApp;
afterEach(() => t?.close());

type Totals = Record<string, number>;
const totalsOf = async (
  api: Awaited<ReturnType<typeof buildTree>>["api"],
  id: string,
  who = "admin",
) => (await api<{ totals: Totals }>(who, "GET", `/campaigns/${id}/progress`)).body.totals;

/** Each document's campaign: the plan's name and its dates, by template. */
const CAMPAIGNS: Record<string, [name: string, startsOn: string, dueOn: string]> = {
  "tu-soi-tu-sua-so": ["Kế hoạch 28-KH/ĐUK", "2022-03-01", "2022-03-28"],
  "ct24-phuong": ["Kế hoạch 155-KH/ĐU", "2023-09-07", "2023-09-20"],
  "dien-dan-chi-bo": ["Diễn đàn chi bộ 2017", "2017-07-17", "2017-12-31"],
  "tu-soi-tu-sua-huyen": ["Hướng dẫn 05-HD/HU", "2022-03-31", "2022-12-31"],
};
const campaignOf = (templateKey: string, unitId: string) => {
  const [name, startsOn, dueOn] = CAMPAIGNS[templateKey]!;
  return { templateKey, name, startsOn, dueOn, unitIds: [unitId] };
};

async function launch(
  api: Awaited<ReturnType<typeof buildTree>>["api"],
  body: Record<string, unknown>,
) {
  const created = await api<{ id: string }>("admin", "POST", "/campaigns", body);
  expect(created.status).toBe(201);
  const launched = await api<{ status: string }>(
    "admin",
    "POST",
    `/campaigns/${created.body.id}/launch`,
  );
  expect(launched.body).toEqual({ id: created.body.id, status: "active" });
  return created.body.id;
}

describe("Tự soi, tự sửa at a department (001)", () => {
  it("excuses only members exempt from activities, and tracks the self-review", async () => {
    t = await makeApp();
    t.clock.now = new Date("2022-03-10T02:00:00Z");
    const { api, root } = await buildTree(t);
    const id = await launch(api, campaignOf("tu-soi-tu-sua-so", root.id));
    // 001 names no exemption for old age: a4 is expected here (unlike 000).
    expect(await totalsOf(api, id)).toEqual(progressTotals(6, 0, 0, 0, 0, 1));
    const review = {
      "tu-soi": "Tự soi theo Kết luận 21.",
      "mat-tich-cuc": "Gương mẫu.",
      "han-che": "Còn chậm.",
    };
    await api("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: "tu-soi-tu-sua-ca-nhan",
      data: review,
    });
    const sent = await api<{ id: string }>(
      "a2",
      "POST",
      `/campaigns/${id}/submissions/mine/submit`,
      {},
    );
    await api("a1", "POST", `/submissions/${sent.body.id}/confirm`);
    await api(
      "b1",
      "PUT",
      `/campaigns/${id}/submissions/member/${(await api<{ members: { id: string; fullName: string }[] }>("admin", "GET", "/members?q=vu van hai")).body.members[0]!.id}`,
      { formKey: "tu-soi-tu-sua-ca-nhan", data: review },
    );
    expect(await totalsOf(api, id)).toEqual(progressTotals(6, 1, 1, 1, 0, 1));
    // The self-review is due the day before the meeting: before 27/3 (26/3 17:00 UTC).
    t.clock.now = new Date("2022-03-26T16:59:00Z");
    expect(await totalsOf(api, id)).toMatchObject({ late: 0 });
    t.clock.now = new Date("2022-03-26T17:00:00Z");
    expect(await totalsOf(api, id)).toEqual(progressTotals(6, 1, 1, 1, 5, 1));
  });
});

describe("CT 24 sinh hoạt (004)", () => {
  it("gives each kind of unit its own flow and counts attendance-only members", async () => {
    t = await makeApp();
    t.clock.now = new Date("2023-09-08T02:00:00Z");
    const { api, root } = await buildTree(t);
    // The 25 expressions of CT 24 are not printed in the plan: the ward enters them first.
    const { saved: ct24 } = await saveCt24Phuong(
      api,
      ct24Filled((n) => `Biểu hiện số ${n} (chép từ Chỉ thị 24)`),
    );
    expect(ct24.status).toBe(200);
    const id = await launch(api, campaignOf("ct24-phuong", root.id));
    // 004 excuses only members exempt from activities; its members attend, they write no plan.
    expect(await totalsOf(api, id)).toEqual(progressTotals(6, 0, 0, 0, 0, 1));
    const cell = (await api<{ tasks: { step: string; dueAt: string }[] }>("a1", "GET", "/my/tasks"))
      .body.tasks;
    expect(cell.map((x) => [x.step, x.dueAt])).toEqual([
      ["cb-chuan-bi", "2023-09-16T17:00:00.000Z"],
      ["cb-dang-tai-lieu", "2023-09-16T17:00:00.000Z"],
      ["cb-bao-lich", "2023-09-18T17:00:00.000Z"],
      ["cb-sinh-hoat", "2023-09-19T17:00:00.000Z"],
      ["dv-du-sinh-hoat", "2023-09-19T17:00:00.000Z"],
      ["cb-bao-cao", "2023-10-29T17:00:00.000Z"],
    ]);
    const member = await api<{ error: { code: string; fields: Record<string, string> } }>(
      "a2",
      "PUT",
      `/campaigns/${id}/submissions/mine`,
      { formKey: "bien-ban-chi-bo", data: {} },
    );
    expect(member.status).toBe(422);
    expect(Object.keys(member.body.error.fields)).toEqual(["formKey"]);
  });
});

describe("Diễn đàn chi bộ (003)", () => {
  it("refuses to launch while the 27 expressions are missing, then runs on a clone that has them", async () => {
    t = await makeApp();
    t.clock.now = new Date("2017-08-01T02:00:00Z");
    const { api, root } = await buildTree(t);
    const body = campaignOf("dien-dan-chi-bo", root.id);
    const draft = await api<{ id: string }>("admin", "POST", "/campaigns", body);
    const refused = await api<{ error: { code: string; message: string } }>(
      "admin",
      "POST",
      `/campaigns/${draft.body.id}/launch`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("NOT_LAUNCHABLE");
    expect(refused.body.error.message).toMatch(/27 biểu hiện/);
    // The refused draft can be removed; a launched campaign cannot.
    expect((await api("admin", "DELETE", `/campaigns/${draft.body.id}`)).status).toBe(204);
    expect((await api("admin", "GET", `/campaigns/${draft.body.id}`)).status).toBe(404);

    // The office clones the template and pastes the items from its own copy of NQ 04.
    const def = dienDanFilled((g, n) => `${n}. Nội dung ${g} số ${n} (chép từ văn bản gốc)`);
    const { created, saved } = await saveDienDan2017(api, def);
    expect(created.status).toBe(201);
    expect(saved.body).toEqual({ key: "dien-dan-2017", version: 1 });
    const id = await launch(api, { ...body, templateKey: "dien-dan-2017" });
    expect(await totalsOf(api, id)).toEqual(progressTotals(6, 0, 0, 0, 0, 1));

    // Three member forms: submitting without naming one is refused.
    expect(
      (
        await api<{ error: { fields: Record<string, string> } }>(
          "a2",
          "POST",
          `/campaigns/${id}/submissions/mine/submit`,
          {},
        )
      ).body.error.fields,
    ).toHaveProperty("formKey");
    // Self-relating to the 27 expressions: every item needs a level; "có" needs a note.
    const answers: Record<string, Record<string, { level: string; note?: string }>> = {};
    for (const g of ["nhom-1", "nhom-2", "nhom-3"])
      answers[g] = Object.fromEntries(
        Array.from({ length: 9 }, (_, i) => [String(i + 1), { level: "khong" }]),
      );
    answers["nhom-2"]!["4"] = { level: "co" };
    delete answers["nhom-3"]!["9"];
    await api("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: "tu-lien-he-27",
      data: { "lien-he-27": answers },
    });
    const incomplete = await api<{ error: { fields: Record<string, string> } }>(
      "a2",
      "POST",
      `/campaigns/${id}/submissions/mine/submit`,
      { formKey: "tu-lien-he-27" },
    );
    expect(Object.keys(incomplete.body.error.fields).sort()).toEqual([
      "giai-phap",
      "lien-he-27.nhom-2.4.note",
      "lien-he-27.nhom-3.9",
      "nguyen-nhan",
    ]);
    answers["nhom-2"]!["4"] = { level: "co", note: "Đôi khi còn nể nang." };
    answers["nhom-3"]!["9"] = { level: "khong" };
    // With an expression answered "có", its causes and remedies become required too.
    await api("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: "tu-lien-he-27",
      data: {
        "lien-he-27": answers,
        "nguyen-nhan": "Chưa thường xuyên tự phê bình.",
        "giai-phap": "Tự giác sửa chữa.",
      },
      version: 1,
    });
    expect(
      (
        await api<{ status: string }>("a2", "POST", `/campaigns/${id}/submissions/mine/submit`, {
          formKey: "tu-lien-he-27",
        })
      ).body.status,
    ).toBe("submitted");
    // Progress follows the "2 trong 1" personal plan, not the self-relating form.
    expect(await totalsOf(api, id)).toMatchObject({ submitted: 0 });
    await api("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: "ke-hoach-2-trong-1",
      data: {
        "phan-dau-ren-luyen": "Rèn luyện theo Nghị quyết.",
        "lam-theo-bac": "Làm theo Bác: tiết kiệm.",
      },
    });
    const plan = await api<{ id: string }>(
      "a2",
      "POST",
      `/campaigns/${id}/submissions/mine/submit`,
      { formKey: "ke-hoach-2-trong-1" },
    );
    await api("a1", "POST", `/submissions/${plan.body.id}/confirm`);
    expect(await totalsOf(api, id)).toEqual(progressTotals(6, 1, 1, 1, 0, 1));
    expect((await api("admin", "DELETE", `/campaigns/${id}`)).status).toBe(409);
    // Editing the clone now writes version 2; the running campaign keeps version 1.
    const again = await api<{ version: number }>("admin", "PUT", "/templates/dien-dan-2017", {
      version: 1,
      definition: { ...def, name: "Diễn đàn chi bộ — sửa lần 2" },
    });
    expect(again.body.version).toBe(2);
    expect(
      (
        await api<{ templateVersion: number; definition: { name: string } }>(
          "admin",
          "GET",
          `/campaigns/${id}`,
        )
      ).body,
    ).toMatchObject({ templateVersion: 1, definition: { name: def.name } });
  });
});

describe("Tự soi, tự sửa at a rural district (002, a clone of 000)", () => {
  it("runs with 000's plan form and 002's year-end date", async () => {
    t = await makeApp();
    t.clock.now = new Date("2022-05-01T02:00:00Z");
    const { api, root } = await buildTree(t);
    const def = (
      await api<{ variantOf: string; forms: { key: string }[] }>(
        "admin",
        "GET",
        "/templates/tu-soi-tu-sua-huyen",
      )
    ).body;
    expect(def.variantOf).toBe("tu-soi-tu-sua");
    expect(def.forms.map((f) => f.key)).toContain("ke-hoach-tu-duong");
    const id = await launch(api, campaignOf("tu-soi-tu-sua-huyen", root.id));
    expect(await totalsOf(api, id)).toEqual(progressTotals(5, 0, 0, 0, 0, 2));
  });
});
