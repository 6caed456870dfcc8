import { afterEach, describe, expect, it } from "vitest";
import { login, makeAppWithDemo, type TestApp } from "../support/app";

let t: TestApp;
afterEach(() => t?.close());

interface Unit {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  depth: number;
  version: number;
  closedOn: string | null;
  memberCount: number;
}

async function setup() {
  t = await makeAppWithDemo();
  const { token } = await login(t, "demo", "admin@demo.vn");
  const api = async <T>(method: string, path: string, body?: unknown) => {
    const res = await t.request(method, `/api/t/demo${path}`, { token, body });
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  };
  const units = async () => (await api<{ units: Unit[] }>("GET", "/units")).body.units;
  return { token, api, units };
}

describe("units", () => {
  it("lists the demo tree with member counts of members on the roll", async () => {
    const { units } = await setup();
    const list = await units();
    const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]), "vi");
    expect(list.map((u) => [u.name, u.depth, u.memberCount]).sort(byName)).toEqual(
      [
        ["Đảng bộ phường Long Biên (mẫu)", 0, 0],
        ["Chi bộ Khu dân cư số 1", 1, 6],
        ["Chi bộ Khu dân cư số 2", 1, 3],
        ["Chi bộ Cơ quan UBND phường", 1, 2],
        ["Ủy ban MTTQ Việt Nam phường", 1, 1],
      ].sort(byName),
    );
  });

  it("creates, renames and moves a unit with its subtree, and refuses a cycle", async () => {
    const { api, units } = await setup();
    const root = (await units()).find((u) => u.depth === 0)!;
    const a = (
      await api<Unit>("POST", "/units", { name: "Đảng bộ bộ phận A", kind: "dang-bo-bo-phan" })
    ).body;
    expect(a.parentId).toBe(root.id);
    const b = (
      await api<Unit>("POST", "/units", { name: "Chi bộ B", kind: "chi-bo", parentId: a.id })
    ).body;
    const c = (await api<Unit>("POST", "/units", { name: "Tổ C", kind: "chi-bo", parentId: b.id }))
      .body;
    expect([a.depth, b.depth, c.depth]).toEqual([1, 2, 3]);

    const cycle = await api<{ error: { code: string } }>("PATCH", `/units/${a.id}`, {
      parentId: c.id,
      version: 1,
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.code).toBe("MOVE_CYCLE");

    const other = (
      await api<Unit>("POST", "/units", { name: "Đảng bộ bộ phận D", kind: "dang-bo-bo-phan" })
    ).body;
    const moved = await api<Unit>("PATCH", `/units/${b.id}`, {
      parentId: other.id,
      name: "Chi bộ B (mới)",
      version: 1,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      parentId: other.id,
      name: "Chi bộ B (mới)",
      depth: 2,
      version: 2,
    });
    const after = await units();
    expect(after.find((u) => u.id === c.id)).toMatchObject({ parentId: b.id, depth: 3 });

    const stale = await api<{ error: { code: string } }>("PATCH", `/units/${b.id}`, {
      name: "X y",
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
  });

  it("closes an empty unit with its subtree and refuses one that still has members", async () => {
    const { api, units } = await setup();
    const list = await units();
    const kdc1 = list.find((u) => u.name === "Chi bộ Khu dân cư số 1")!;
    const refused = await api<{ error: { code: string; message: string } }>(
      "POST",
      `/units/${kdc1.id}/close`,
      { closedOn: "2026-05-01" },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(
      "Đơn vị còn 6 đảng viên: hãy chuyển họ sang đơn vị khác trước khi giải thể.",
    );
    const a = (
      await api<Unit>("POST", "/units", { name: "Đảng bộ bộ phận A", kind: "dang-bo-bo-phan" })
    ).body;
    const b = (
      await api<Unit>("POST", "/units", { name: "Chi bộ B", kind: "chi-bo", parentId: a.id })
    ).body;
    expect((await api("POST", `/units/${a.id}/close`, { closedOn: "2026-05-01" })).status).toBe(
      200,
    );
    const closed = (await units())
      .filter((u) => u.closedOn === "2026-05-01")
      .map((u) => u.id)
      .sort();
    expect(closed).toEqual([a.id, b.id].sort());
    const child = await api<{ error: { code: string } }>("POST", "/units", {
      name: "Chi bộ mới",
      kind: "chi-bo",
      parentId: b.id,
    });
    expect(child.status).toBe(422);
  });

  it("shows a secretary only its own subtree", async () => {
    t = await makeAppWithDemo();
    const { token } = await login(t, "demo", "bithu@demo.vn");
    const res = await t.request("GET", "/api/t/demo/units", { token });
    const { units } = (await res.json()) as { units: Unit[] };
    expect(units.map((u) => u.name)).toEqual(["Chi bộ Khu dân cư số 1"]);
  });
});

describe("members", () => {
  it("finds members by name without diacritics", async () => {
    const { api } = await setup();
    await api("POST", "/members", {
      fullName: "Trần Thị Hồng",
      unitId: (await api<{ units: Unit[] }>("GET", "/units")).body.units[1]!.id,
    });
    for (const q of [
      "tran thi hong",
      "TRAN THI HONG",
      "Trần Thị Hồng",
      "Trần Thị Hồng".normalize("NFD"),
    ]) {
      const res = await api<{ members: { fullName: string }[] }>(
        "GET",
        `/members?q=${encodeURIComponent(q)}`,
      );
      expect(res.body.members.map((m) => m.fullName)).toEqual(["Trần Thị Hồng"]);
    }
    const part = await api<{ members: { fullName: string }[] }>(
      "GET",
      `/members?q=${encodeURIComponent("thi hong")}`,
    );
    expect(part.body.members.map((m) => m.fullName).sort()).toEqual([
      "Lê Thị Hồng",
      "Trần Thị Hồng",
    ]);
    const d = await api<{ members: { fullName: string }[] }>(
      "GET",
      `/members?q=${encodeURIComponent("dang minh")}`,
    );
    expect(d.body.members.map((m) => m.fullName)).toEqual(["Đặng Minh Khoa"]);
  });

  it("edits with optimistic concurrency: the stale edit gets 409 and loses nothing", async () => {
    const { api, units } = await setup();
    const unitId = (await units())[1]!.id;
    const created = (
      await api<{ member: { id: string; version: number } }>("POST", "/members", {
        fullName: "Ngô Văn A",
        unitId,
      })
    ).body.member;
    const first = await api<{ member: { position: string; version: number } }>(
      "PATCH",
      `/members/${created.id}`,
      { position: "Tổ trưởng", version: 1 },
    );
    expect(first.status).toBe(200);
    expect(first.body.member.version).toBe(2);
    const second = await api<{ error: { code: string } }>("PATCH", `/members/${created.id}`, {
      position: "Tổ phó",
      version: 1,
    });
    expect(second.status).toBe(409);
    const detail = await api<{ member: { position: string } }>("GET", `/members/${created.id}`);
    expect(detail.body.member.position).toBe("Tổ trưởng");
  });

  it("records status changes with their dates", async () => {
    const { api, units } = await setup();
    const unitId = (await units())[1]!.id;
    const m = (
      await api<{ member: { id: string } }>("POST", "/members", {
        fullName: "Phan Văn B",
        unitId,
        statusSince: "2020-01-01",
      })
    ).body.member;
    await api("POST", `/members/${m.id}/status`, {
      status: "tuoi-cao-benh",
      since: "2026-04-15",
      note: "Ốm dài ngày",
    });
    const detail = await api<{
      member: { status: string };
      history: { status: string; since: string; note: string | null }[];
    }>("GET", `/members/${m.id}`);
    expect(detail.body.member.status).toBe("tuoi-cao-benh");
    expect(detail.body.history.map((h) => [h.status, h.since, h.note])).toEqual([
      ["tuoi-cao-benh", "2026-04-15", "Ốm dài ngày"],
      ["dang-sinh-hoat", "2020-01-01", null],
    ]);
  });

  it("lets a member read their own record and no other", async () => {
    t = await makeAppWithDemo();
    const admin = await login(t, "demo", "admin@demo.vn");
    const me = await login(t, "demo", "dangvien@demo.vn");
    const all = (await (
      await t.request("GET", "/api/t/demo/members", { token: admin.token })
    ).json()) as { members: { id: string; email: string | null }[] };
    const mine = all.members.find((m) => m.email === "dangvien@demo.vn")!;
    const other = all.members.find((m) => m.email === "bithu@demo.vn")!;
    expect(
      (await t.request("GET", `/api/t/demo/members/${mine.id}`, { token: me.token })).status,
    ).toBe(200);
    expect(
      (await t.request("GET", `/api/t/demo/members/${other.id}`, { token: me.token })).status,
    ).toBe(404);
  });

  it("writes an audit row with before and after for every change", async () => {
    const { api, units } = await setup();
    const unitId = (await units())[1]!.id;
    const m = (
      await api<{ member: { id: string } }>("POST", "/members", { fullName: "Hồ Văn C", unitId })
    ).body.member;
    await api("PATCH", `/members/${m.id}`, { position: "Tổ phó", version: 1 });
    const audit = await api<{
      entries: {
        action: string;
        entityId: string;
        before: unknown;
        after: unknown;
        actor: { fullName: string };
      }[];
    }>("GET", "/audit?entity=member");
    const [update, create] = audit.body.entries;
    expect(update).toMatchObject({
      action: "member.update",
      entityId: m.id,
      before: { position: null },
      after: { position: "Tổ phó" },
      actor: { fullName: "Nguyễn Thị Thu Hà" },
    });
    expect(create).toMatchObject({ action: "member.create", entityId: m.id });
  });
});
