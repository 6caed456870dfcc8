// What a level below may change in a directive it adopts. The parent locks whole sections of
// the definition (schema/vocab/campaigns.ts); a locked section must stay exactly as issued, in
// the adopting campaign and in everything passed further down. The rest — the name, the
// description, the unlocked sections' wording — is the child's to adapt. The definition's
// identity (its key and version) is the directive's and never changes. Shared by the server,
// which refuses, and the adopt screen, which shows what is locked before anyone types.
import { SECTION_LABELS, type Section } from "../vocab/campaigns";
import { canonicalJson } from "./canonical";

export const lockedMessage = (section: Section) =>
  `Cấp trên khóa phần “${SECTION_LABELS[section]}”: không được thay đổi.`;

type Def = Record<string, unknown>;

/** The locked sections (and identity) `next` changes from `parent`, as field errors keyed
 *  `definition.<section>`; empty when the change is allowed. */
export function lockedChanges(
  locked: readonly string[],
  parent: unknown,
  next: unknown,
): Record<string, string> {
  const [p, n] = [parent as Def, next as Def];
  const fields: Record<string, string> = {};
  for (const k of ["key", "version"] as const)
    if (canonicalJson(p[k]) !== canonicalJson(n[k]))
      fields[`definition.${k}`] =
        "Định danh và phiên bản mẫu của văn bản cấp trên không được thay đổi.";
  for (const s of locked)
    if (s in SECTION_LABELS && canonicalJson(p[s]) !== canonicalJson(n[s]))
      fields[`definition.${s}`] = lockedMessage(s as Section);
  return fields;
}
