/**
 * The closed vocabularies (schema/vocab): every value has a label, each picklist accepts
 * exactly its values, and a template naming a field type outside the list is refused when it
 * is saved (parsed with the template schema).
 */
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { GONE_STATUSES, isGone, ON_ROLL_STATUSES } from "../../schema/rules/roll";
import { TemplateDefinition, validateTemplate } from "../../schema/template";
import { getBuiltInTemplate } from "../../schema/templates";
import * as vocab from "../../schema/vocab";

const closed = [
  ["roles", vocab.ROLES, vocab.Role, vocab.ROLE_LABELS],
  ["unit kinds", vocab.UNIT_KINDS, vocab.UnitKind, vocab.UNIT_KIND_LABELS],
  ["member statuses", vocab.MEMBER_STATUSES, vocab.MemberStatus, vocab.MEMBER_STATUS_LABELS],
  ["step kinds", vocab.STEP_KINDS, vocab.StepKind, vocab.STEP_KIND_LABELS],
  ["field types", vocab.FIELD_TYPES, vocab.FieldType, vocab.FIELD_TYPE_LABELS],
  ["presences", vocab.PRESENCES, vocab.Presence, vocab.PRESENCE_LABELS],
  ["review ratings", vocab.REVIEW_RATINGS, vocab.ReviewRating, vocab.REVIEW_RATING_LABELS],
  [
    "campaign statuses",
    vocab.CAMPAIGN_STATUSES,
    vocab.CampaignStatus,
    vocab.CAMPAIGN_STATUS_LABELS,
  ],
  ["due rules", vocab.DUE_RULES, vocab.DueRule, vocab.DUE_RULE_WORDS],
] as const;

describe("closed vocabularies", () => {
  it.each(closed)(
    "%s: one label per value, and the picklist takes exactly the values",
    (_, values, schema, labels) => {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const x of values) expect(v.safeParse(schema, x).success).toBe(true);
      expect(v.safeParse(schema, "khong-co").success).toBe(false);
    },
  );

  it("gone and on-roll statuses split the member statuses", () => {
    expect([...ON_ROLL_STATUSES, ...GONE_STATUSES].sort()).toEqual(
      [...vocab.MEMBER_STATUSES].sort(),
    );
    expect(ON_ROLL_STATUSES).toEqual([
      "dang-sinh-hoat",
      "mien-sinh-hoat",
      "tuoi-cao-benh",
      "chuyen-den",
    ]);
    expect(isGone("tu-tran")).toBe(true);
    expect(isGone("dang-sinh-hoat")).toBe(false);
  });
});

describe("an unknown field type", () => {
  const withField = (field: Record<string, unknown>) => {
    const def = structuredClone(getBuiltInTemplate("dien-dan-chi-bo")) as Record<
      string,
      unknown
    > & {
      forms: { fields: unknown[] }[];
    };
    def.forms[0]!.fields.push(field);
    return def;
  };
  const signature = { type: "signature", key: "chu-ky", label: "Chữ ký", required: false };

  it("is refused when a template is saved", () => {
    expect(v.safeParse(TemplateDefinition, withField(signature)).success).toBe(false);
    const checked = validateTemplate(withField(signature));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.join("\n")).toContain("Loại trường không hợp lệ.");
  });

  it("is refused inside a section too", () => {
    const section = { type: "section", key: "muc-moi", label: "Mục mới", fields: [signature] };
    expect(validateTemplate(withField(section)).ok).toBe(false);
  });

  it("while every known one still parses", () => {
    const known = { type: "shortText", key: "ghi-chu-them", label: "Ghi chú", required: false };
    expect(validateTemplate(withField(known))).toEqual({ ok: true });
  });
});
