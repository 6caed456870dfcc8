// Issue 11: adopt and adapt. A child adopts its parent's directive with its own number, dates,
// units and wording in the sections left unlocked; a locked section cannot be changed at any
// level below, through any route that writes a campaign's definition (adopt, the draft's
// edit, republish), each refused with 422 SECTION_LOCKED naming the section and leaving no
// trace. A level republishes only what it adopted, locking more but never less.
import { describe, expect, it } from "vitest";
import type { TemplateDefinition } from "../../schema/template";
import { treesAt, type Tree } from "../support/tree";
import { issuingOf } from "../../schema/rules/issuing";

const AT = "2026-03-12T02:00:00Z";
type Err = { error: { code: string; message: string; fields?: Record<string, string> } };
type Seen = {
  directives: { id: string; lockedSections: string[]; definition: TemplateDefinition }[];
};

const reword = (def: TemplateDefinition, section: "steps" | "forms" | "meetingRules") => {
  const next = structuredClone(def);
  next[section][0]!.title = `${next[section][0]!.title} (điều chỉnh)`;
  return next;
};

async function link(child: Tree, parent: Tree, slug: string) {
  const r = await child.api<{ id: string }>("admin", "POST", "/links", { parentSlug: slug });
  expect((await parent.api("admin", "POST", `/links/${r.body.id}/approve`)).status).toBe(200);
}

async function auditCount(tree: Tree, entity: string) {
  const r = await tree.api<{ entries: unknown[] }>("admin", "GET", `/audit?entity=${entity}`);
  return r.body.entries.length;
}

async function campaignCount(tree: Tree) {
  return (await tree.api<{ campaigns: unknown[] }>("admin", "GET", "/campaigns")).body.campaigns
    .length;
}

describe("adopt and adapt", () => {
  it("adapts the unlocked sections, refuses the locked ones at every route and level", async () => {
    const {
      trees: [thanh, quan, phuong],
    } = await treesAt(AT, "thanh-uy", "quan-uy", "phuong-mot");
    await link(quan, thanh, "thanh-uy");
    await link(phuong, quan, "quan-uy");
    const d1 = await thanh.api<{ id: string }>("admin", "POST", "/directives", {
      templateKey: "tu-soi-tu-sua",
      name: "Chỉ thị về kỷ cương",
      documentNo: "24-CT/TU",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
      lockedSections: ["steps", "forms"],
    });
    expect(d1.status).toBe(201);
    const seen = await quan.api<Seen>("admin", "GET", "/directives");
    const parentDef = seen.body.directives[0]!.definition;

    // A republish before adopting is refused: a level passes on only what it carries out.
    const early = await quan.api<Err>("admin", "POST", `/directives/${d1.body.id}/republish`, {
      name: "Kế hoạch thực hiện",
      startsOn: "2026-03-11",
      dueOn: "2026-04-05",
    });
    expect([early.status, early.body.error.code]).toEqual([409, "INVALID_STATE"]);
    expect(early.body.error.message).toContain("Cần áp dụng văn bản này");

    // Adopt: a locked section changed is refused, naming it; nothing is written.
    const before = [await campaignCount(quan), await auditCount(quan, "campaign")];
    for (const section of ["steps", "forms"] as const) {
      const r = await quan.api<Err>("admin", "POST", `/directives/${d1.body.id}/adopt`, {
        unitIds: [quan.root.id],
        definition: reword(parentDef, section),
      });
      expect([r.status, r.body.error.code]).toEqual([422, "SECTION_LOCKED"]);
      expect(r.body.error.fields).toEqual({
        [`definition.${section}`]: `Cấp trên khóa phần “${section === "steps" ? "Các bước" : "Biểu mẫu"}”: không được thay đổi.`,
      });
    }
    const otherKey = await quan.api<Err>("admin", "POST", `/directives/${d1.body.id}/adopt`, {
      unitIds: [quan.root.id],
      definition: { ...parentDef, key: "mau-khac" },
    });
    expect([otherKey.status, Object.keys(otherKey.body.error.fields!)]).toEqual([
      422,
      ["definition.key"],
    ]);
    const broken = await quan.api<Err>("admin", "POST", `/directives/${d1.body.id}/adopt`, {
      unitIds: [quan.root.id],
      definition: { ...parentDef, meetingRules: "không phải danh sách" },
    });
    expect([broken.status, broken.body.error.code]).toEqual([422, "INVALID_BODY"]);
    expect([await campaignCount(quan), await auditCount(quan, "campaign")]).toEqual(before);

    // Adopt with the unlocked parts adapted: number, dates, a step's date, the wording.
    const adapted = reword(parentDef, "meetingRules");
    adapted.description = "Kế hoạch của Quận ủy thực hiện Chỉ thị 24-CT/TU.";
    const qc = await quan.api<{ id: string }>("admin", "POST", `/directives/${d1.body.id}/adopt`, {
      unitIds: [quan.root.id],
      name: "Kế hoạch thực hiện Chỉ thị 24",
      documentNo: "187-KH/QU",
      startsOn: "2026-03-12",
      dueOn: "2026-04-05",
      overrides: { "hoi-nghi": "2026-03-30" },
      definition: adapted,
    });
    expect(qc.status).toBe(201);
    const detail = await quan.api<{
      documentNo: string;
      dueOn: string;
      definition: TemplateDefinition;
      version: number;
    }>("admin", "GET", `/campaigns/${qc.body.id}`);
    expect(detail.body.documentNo).toBe("187-KH/QU");
    expect(detail.body.definition.meetingRules[0]!.title).toBe(adapted.meetingRules[0]!.title);
    expect(detail.body.definition.description).toBe(adapted.description);
    // The Quận ủy issues its own plan: its papers carry its name and place, not the parent's.
    const me = await quan.api<{ tenant: { name: string } }>("admin", "GET", "/me");
    expect(detail.body.definition.issuing).toEqual(issuingOf(me.body.tenant.name));
    const thanhMe = await thanh.api<{ tenant: { name: string } }>("admin", "GET", "/me");
    expect(detail.body.definition.issuing).not.toEqual(issuingOf(thanhMe.body.tenant.name));

    // The draft's own edit: locked sections and the parent's deadline still hold.
    const patch = (body: Record<string, unknown>) =>
      quan.api<Err & { version: number }>("admin", "PATCH", `/campaigns/${qc.body.id}`, body);
    const auditBefore = await auditCount(quan, "campaign");
    const lockedEdit = await patch({ version: 1, definition: reword(adapted, "steps") });
    expect([lockedEdit.status, lockedEdit.body.error.code, lockedEdit.body.error.fields]).toEqual([
      422,
      "SECTION_LOCKED",
      { "definition.steps": "Cấp trên khóa phần “Các bước”: không được thay đổi." },
    ]);
    const lateEdit = await patch({ version: 1, dueOn: "2026-04-11" });
    expect([lateEdit.status, lateEdit.body.error.fields]).toEqual([
      422,
      { dueOn: "Hạn hoàn thành không được sau hạn của cấp trên (10/04/2026)." },
    ]);
    const lateStep = await patch({ version: 1, overrides: { "hoi-nghi": "2026-04-12" } });
    expect(Object.keys(lateStep.body.error.fields!)).toEqual(["overrides.hoi-nghi"]);
    expect(await auditCount(quan, "campaign")).toBe(auditBefore);
    const ok = await patch({
      version: 1,
      name: "Kế hoạch 187-KH/QU",
      dueOn: "2026-04-04",
      definition: { ...adapted, description: "Lời mới của Quận ủy." },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    // The edit carried the parent's definition as it came down: the papers keep the Quận ủy's.
    const edited = await quan.api<{ definition: TemplateDefinition }>(
      "admin",
      "GET",
      `/campaigns/${qc.body.id}`,
    );
    expect(edited.body.definition.issuing).toEqual(issuingOf(me.body.tenant.name));
    // Refreshing from a template would replace the directive's definition: refused, no trace.
    const refresh = await quan.api<Err>("admin", "POST", `/campaigns/${qc.body.id}/refresh`, {
      version: 2,
      templateKey: "tu-soi-tu-sua",
    });
    expect([refresh.status, refresh.body.error.code]).toEqual([409, "INVALID_STATE"]);
    const stale = await patch({ version: 1, name: "Tên cũ hơn" });
    expect([stale.status, stale.body.error.code]).toEqual([409, "VERSION_CONFLICT"]);
    expect(await auditCount(quan, "campaign")).toBe(auditBefore + 1);

    // Republish: the adapted definition goes down; the locks above stay, one more is added.
    const unlock = await quan.api<{ id: string }>(
      "admin",
      "POST",
      `/directives/${d1.body.id}/republish`,
      {
        name: "Kế hoạch thực hiện Chỉ thị 24",
        documentNo: "187-KH/QU",
        startsOn: "2026-03-12",
        dueOn: "2026-04-04",
        lockedSections: ["meetingRules"],
      },
    );
    expect(unlock.status).toBe(201);
    const below = (await phuong.api<Seen>("admin", "GET", "/directives")).body.directives[0]!;
    expect([below.id, below.lockedSections]).toEqual([
      unlock.body.id,
      ["steps", "forms", "meetingRules"],
    ]);
    expect(below.definition.description).toBe("Lời mới của Quận ủy.");
    // The phường: a section locked two levels up and one locked by the Quận ủy are both held.
    for (const [section, label] of [
      ["steps", "Các bước"],
      ["meetingRules", "Quy định về hội nghị"],
    ] as const) {
      const r = await phuong.api<Err>("admin", "POST", `/directives/${below.id}/adopt`, {
        unitIds: [phuong.root.id],
        definition: reword(below.definition, section),
      });
      expect([r.status, r.body.error.fields]).toEqual([
        422,
        { [`definition.${section}`]: `Cấp trên khóa phần “${label}”: không được thay đổi.` },
      ]);
    }
    const pc = await phuong.api<{ id: string }>("admin", "POST", `/directives/${below.id}/adopt`, {
      unitIds: [phuong.root.id],
      documentNo: "155-KH/ĐU",
      dueOn: "2026-04-01",
      definition: { ...below.definition, description: "Kế hoạch của Đảng ủy phường." },
    });
    expect(pc.status).toBe(201);
    const pEdit = await phuong.api<Err>("admin", "PATCH", `/campaigns/${pc.body.id}`, {
      version: 1,
      dueOn: "2026-04-05",
    });
    expect([pEdit.status, pEdit.body.error.fields]).toEqual([
      422,
      { dueOn: "Hạn hoàn thành không được sau hạn của cấp trên (04/04/2026)." },
    ]);

    // Passed down again without naming a lock: the locks above still hold (none is removed).
    const again = await quan.api<{ id: string }>(
      "admin",
      "POST",
      `/directives/${d1.body.id}/republish`,
      { name: "Kế hoạch bổ sung", startsOn: "2026-03-12", dueOn: "2026-04-04", lockedSections: [] },
    );
    const own = (await quan.api<Seen>("admin", "GET", "/directives")).body.directives;
    expect(own.find((d) => d.id === again.body.id)!.lockedSections).toEqual(["steps", "forms"]);

    // Launched, a campaign is no longer edited.
    expect((await quan.api("admin", "POST", `/campaigns/${qc.body.id}/launch`)).status).toBe(200);
    const launched = await patch({ version: 3, name: "Sau khi phát động" });
    expect([launched.status, launched.body.error.code]).toEqual([409, "INVALID_STATE"]);
  }, 60_000);

  it("lets a campaign of the tenant's own be edited freely, its template's identity aside", async () => {
    const {
      trees: [own],
    } = await treesAt(AT, "phuong-rieng");
    const c = await own.api<{ id: string }>("admin", "POST", "/campaigns", {
      templateKey: "tu-soi-tu-sua",
      name: "Đợt riêng",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
      unitIds: [own.root.id],
    });
    const d = await own.api<{ definition: TemplateDefinition }>(
      "admin",
      "GET",
      `/campaigns/${c.body.id}`,
    );
    const edited = await own.api<{ version: number }>("admin", "PATCH", `/campaigns/${c.body.id}`, {
      version: 1,
      dueOn: "2026-05-10",
      definition: reword(d.body.definition, "steps"),
    });
    expect([edited.status, edited.body.version]).toEqual([200, 2]);
    const key = await own.api<Err>("admin", "PATCH", `/campaigns/${c.body.id}`, {
      version: 2,
      definition: { ...d.body.definition, version: 99 },
    });
    expect([key.status, Object.keys(key.body.error.fields!)]).toEqual([
      422,
      ["definition.version"],
    ]);
  });
});
