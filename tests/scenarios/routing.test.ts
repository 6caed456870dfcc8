// Issue 10, "routing on structured data, not on text": 000 routes personal plans by the
// member's position and management category to publication and to supervising bodies at a
// level. Members come in through the roster import, which maps their typed positions to the
// controlled list; supervising units carry a body code and level. Expected answers are read
// from seed 000 §II.2 Bước 3 (niêm yết công khai) and §II.4, §III.3–4 (gửi giám sát).
import { afterEach, describe, expect, it } from "vitest";
import { users, grants } from "../../schema/tables/tenant";
import { newId } from "../../worker/data/ids";
import { makeApp, type TestApp } from "../support/app";
import { buildTree, fullPlan000, launchCampaign } from "../support/tree";

let t: TestApp;
afterEach(() => t?.close());

const KDC1 = "Chi bộ Khu dân cư số 1";
const ROSTER = [
  "ho_ten,nam_sinh,email,don_vi,chuc_vu,trang_thai,dien_quan_ly",
  `Ngô Quang Huy,1975,huy@x.vn,${KDC1},Chủ tịch UBND phường Phố Huế,dang-sinh-hoat,co`,
  `Đinh Thị Lan,1960,lan@x.vn,${KDC1},Trưởng ban công tác Mặt trận khu dân cư số 1,dang-sinh-hoat,`,
  `Mai Văn Tùng,1970,tung@x.vn,${KDC1},Hiệu trưởng Trường Tiểu học tư thục Đoàn Thị Điểm,dang-sinh-hoat,`,
  `Tạ Văn Thọ,1950,tho@x.vn,${KDC1},Chủ tịch Hội NCT phường,dang-sinh-hoat,`,
  `Lý Thị Hoa,1972,hoa@x.vn,${KDC1},Hiệu trưởng Trường THCS Ngọc Lâm,dang-sinh-hoat,`,
  `Phan Văn Phú,1978,phu@x.vn,${KDC1},Phó Chủ tịch UBND phường Phố Huế,dang-sinh-hoat,dang uy`,
  `Trịnh Văn Ba,1988,ba@x.vn,${KDC1},Tổ trưởng tổ dân phố 3,dang-sinh-hoat,`,
].join("\n");

async function setup() {
  t = await makeApp();
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  const tree = await buildTree(t);
  const { api, db, cellA, userIds } = tree;
  const importRoster = async (dryRun: boolean) => {
    const res = await t.app.request(
      `http://localhost/api/t/${tree.slug}/members/import${dryRun ? "?dryRun=1" : ""}`,
      {
        method: "POST",
        headers: {
          Authorization: `Bearer ${(await tokenOf("admin")) ?? ""}`,
          "Content-Type": "text/csv",
        },
        body: ROSTER,
      },
    );
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const tokenOf = async (who: string) => {
    const { createSession } = await import("../../worker/auth/sessions");
    return (await createSession(db, userIds[who]!, t.clock.now)).token;
  };
  /** An account for an imported member, so the member can write a plan. */
  const accountFor = async (key: string, email: string) => {
    const { members } = (
      await api<{ members: { id: string; email: string | null }[] }>("admin", "GET", "/members")
    ).body;
    const member = members.find((m) => m.email === email)!;
    const userId = newId();
    await db.insert(users).values({
      id: userId,
      email,
      fullName: key,
      passwordHash: null,
      memberId: member.id,
      createdAt: t.clock.now,
      updatedAt: t.clock.now,
    });
    await db
      .insert(grants)
      .values({ id: newId(), userId, role: "member", unitId: cellA.id, createdAt: t.clock.now });
    userIds[key] = userId;
    return member.id;
  };
  return { tree, api, importRoster, accountFor };
}

describe("routing on codes (issue 10)", () => {
  it("maps the roster's positions, reports the one it cannot, and routes each plan where 000 says", async () => {
    const { tree, api, importRoster, accountFor } = await setup();
    const { root, cellA } = tree;

    // The dry run reports the unknown post and writes nothing; the import then keeps its text.
    // A deputy is not on the list (000 routes heads only): reported, not mapped to the head.
    const unmapped = [
      { line: 7, position: "Phó Chủ tịch UBND phường Phố Huế" },
      { line: 8, position: "Tổ trưởng tổ dân phố 3" },
    ];
    const dry = await importRoster(true);
    expect(dry).toEqual({
      status: 200,
      body: { created: 7, updated: 0, unchanged: 0, errors: [], unmappedPositions: unmapped },
    });
    expect((await importRoster(false)).body).toMatchObject({
      created: 7,
      unmappedPositions: unmapped,
    });
    const people = [
      ["huy", "huy@x.vn"],
      ["lan", "lan@x.vn"],
      ["tung", "tung@x.vn"],
      ["tho", "tho@x.vn"],
      ["hoa", "hoa@x.vn"],
      ["phu", "phu@x.vn"],
      ["ba", "ba@x.vn"],
    ] as const;
    const ids: Record<string, string> = {};
    for (const [key, email] of people) ids[key] = await accountFor(key, email);
    const stored = await Promise.all(
      people.map(async ([key]) => {
        const m = (
          await api<{
            member: {
              position: string;
              positionCode: string | null;
              managementCategory: string | null;
            };
          }>("admin", "GET", `/members/${ids[key]}`)
        ).body.member;
        return [key, m.positionCode, m.managementCategory];
      }),
    );
    expect(stored).toEqual([
      // "Phố" is a street in the ward's name, not "phó" (deputy).
      ["huy", "chu-tich-ubnd-cap-xa", "dien-btv-cap-huyen"],
      ["lan", "truong-ban-cong-tac-mat-tran", null],
      ["tung", "hieu-truong-ngoai-cong-lap", null],
      ["tho", "chu-tich-hoi-nguoi-cao-tuoi", null],
      ["hoa", "hieu-truong-cong-lap", null],
      ["phu", null, "dien-dang-uy-cap-xa"],
      ["ba", null, null],
    ]);

    // Supervising bodies: named by code and level, or (a đoàn thể given none) by what its
    // name suggests when it is created.
    const unit = async (body: Record<string, unknown>) =>
      (await api<{ id: string }>("admin", "POST", "/units", { parentId: root.id, ...body })).body
        .id;
    const btg = await unit({
      name: "Ban Tuyên giáo",
      kind: "doan-the",
      bodyCode: "ban-tuyen-giao",
      bodyLevel: "cap-huyen",
    });
    const mttqQuan = await unit({ name: "Ủy ban MTTQ Việt Nam quận Long Biên", kind: "doan-the" });
    const mttqPhuong = await unit({ name: "Ủy ban MTTQ Việt Nam phường", kind: "doan-the" });
    const bctmt = await unit({
      name: "Ban công tác Mặt trận khu dân cư số 1",
      kind: "doan-the",
      parentId: cellA.id,
    });
    const congDoan = await unit({ name: "Công đoàn cơ sở phường", kind: "doan-the" });
    // A name that says no level leaves it unset, and the office sets it.
    const ccb = await api<{ id: string; bodyCode: string; bodyLevel: string | null }>(
      "admin",
      "POST",
      "/units",
      { parentId: root.id, name: "Hội Cựu chiến binh", kind: "doan-the" },
    );
    expect([ccb.body.bodyCode, ccb.body.bodyLevel]).toEqual(["doan-the", null]);
    for (const [key, id] of [
      ["btg", btg],
      ["mttq-quan", mttqQuan],
      ["mttq-phuong", mttqPhuong],
      ["bctmt", bctmt],
      ["congdoan", congDoan],
      ["ccb", ccb.body.id],
    ] as const)
      await tree.addUser(key, [["supervisor", id]]);

    const campaign = await launchCampaign(api, root.id, { name: "Tự soi, tự sửa 2026" });
    for (const [key] of people) {
      await api(key, "PUT", `/campaigns/${campaign}/submissions/mine`, {
        formKey: "ke-hoach-tu-duong",
        data: fullPlan000(key),
      });
      const sub = (
        await api<{ id: string }>(key, "POST", `/campaigns/${campaign}/submissions/mine/submit`, {})
      ).body.id;
      expect((await api("a1", "POST", `/submissions/${sub}/confirm`)).status).toBe(200);
    }

    const seenBy = async (who: string) =>
      (await api<{ plans: { fullName: string }[] }>(who, "GET", "/supervision/plans")).body.plans
        .map((p) => p.fullName)
        .sort();
    const ward = [
      "Phan Văn Phú",
      "Tạ Văn Thọ",
      "Trịnh Văn Ba",
      "Đinh Thị Lan",
      "Lý Thị Hoa",
      "Mai Văn Tùng",
    ].sort();
    // Diện BTV Quận ủy (§II.4): Ban Tuyên giáo and MTTQ of the district, not the ward's MTTQ.
    expect(await seenBy("btg")).toEqual(["Ngô Quang Huy"]);
    expect(await seenBy("mttq-quan")).toEqual(["Ngô Quang Huy"]);
    // Members of the ward's đảng bộ (§II.4, §III.4): the ward's MTTQ and the residential
    // area's ban công tác mặt trận, whatever their post — not the district's bodies.
    expect(await seenBy("mttq-phuong")).toEqual(ward);
    expect(await seenBy("bctmt")).toEqual(ward);
    expect(await seenBy("congdoan")).toEqual([]);
    // The đoàn thể read diện BTV plans at the district's level only (§III.3).
    expect(await seenBy("ccb")).toEqual([]);
    const patched = await api("admin", "PATCH", `/units/${ccb.body.id}`, {
      bodyLevel: "cap-huyen",
      version: 1,
    });
    expect(patched.body).toMatchObject({ bodyCode: "doan-the", bodyLevel: "cap-huyen" });
    expect(await seenBy("ccb")).toEqual(["Ngô Quang Huy"]);

    // Niêm yết công khai (§II.2 Bước 3): the Chủ tịch UBND phường and the public school's
    // principal; not the Mặt trận head, the private school's principal nor the Hội NCT chair.
    const res = await t.app.request(`http://localhost/api/t/${tree.slug}/public/plans`);
    const page = (await res.json()) as { plans: { fullName: string; position: string }[] };
    expect(page.plans.map((p) => [p.fullName, p.position]).sort()).toEqual([
      ["Lý Thị Hoa", "Hiệu trưởng Trường THCS Ngọc Lâm"],
      ["Ngô Quang Huy", "Chủ tịch UBND phường Phố Huế"],
    ]);
  });
});
