// Launching: what still blocks a campaign on a template, and entering a list's items.
import type { TemplateDefinition } from "./definition";
import { formLeafFields } from "./steps-forms";
import { validateTemplate } from "./validate";

/** Keys of lists that some form's checklist asks members or units to answer item by item. */
function checklistUses(def: TemplateDefinition): Map<string, Set<string> | "all"> {
  const uses = new Map<string, Set<string> | "all">();
  for (const f of def.forms) {
    for (const x of formLeafFields(f)) {
      if (x.type !== "checklist") continue;
      const prev = uses.get(x.listKey);
      if (prev === "all" || !x.groups) uses.set(x.listKey, "all");
      else uses.set(x.listKey, new Set([...(prev ?? []), ...x.groups]));
    }
  }
  return uses;
}

/**
 * Why a campaign on this template cannot be launched yet, in Vietnamese; empty when it can.
 * A checklist whose list still lacks items blocks: the text must come from the tenant's copy of
 * the document, never be invented (reference/README.md). Lists only cited as reading do not.
 */
export function launchBlockers(def: TemplateDefinition): string[] {
  const checked = validateTemplate(def);
  if (!checked.ok) return checked.problems.map((p) => `Mẫu chưa hợp lệ: ${p}`);
  const out: string[] = [];
  const uses = checklistUses(def);
  for (const list of def.lists) {
    const use = uses.get(list.key);
    if (!use) continue;
    list.groups.forEach((g, i) => {
      if (use !== "all" && !use.has(g.key)) return;
      const missing = g.expectedCount - g.items.length;
      if (missing <= 0) return;
      const which = list.groups.length > 1 ? ` nhóm ${i + 1} («${g.title}»)` : "";
      out.push(
        `Danh sách «${list.shortName}»${which} còn thiếu ${missing}/${g.expectedCount} nội dung: hãy nhập từ văn bản gốc trước khi phát động.`,
      );
    });
  }
  return out;
}

/**
 * The template with a list group's items replaced by the given lines, numbered from 1 — how a
 * tenant enters a list from its own copy of the document (one item per line; blank lines and
 * a leading "1." or "1)" are dropped). Text is normalised to NFC.
 */
export function withListItems(
  def: TemplateDefinition,
  listKey: string,
  groupKey: string,
  lines: string | readonly string[],
): TemplateDefinition {
  const texts = (typeof lines === "string" ? lines.split(/\r?\n/) : lines)
    .map((l) =>
      l
        .normalize("NFC")
        .replace(/^\s*\d+\s*[.)]\s*/, "")
        .trim(),
    )
    .filter((l) => l.length > 0);
  const next = structuredClone(def);
  const group = next.lists.find((l) => l.key === listKey)?.groups.find((g) => g.key === groupKey);
  if (!group) throw new Error(`Không có nhóm «${groupKey}» trong danh sách «${listKey}»`);
  group.items = texts.map((text, i) => ({ no: i + 1, text }));
  return next;
}
