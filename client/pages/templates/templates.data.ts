// Reads and writes of the templates /t/:tenant/mau (admin): built-ins are read-only and
// cloned; a tenant's own template is edited as a whole definition with its version.
import { action, json, query, redirect } from "@solidjs/router";
import type { TemplateDefinition } from "../../../schema/template";
import {
  cloneTemplate,
  requireTemplate,
  listTemplates,
  saveTemplate,
  type TemplateDetail,
} from "../../api-admin";
import { preloadOf } from "../../lib/preload";

export const getTemplates = query(listTemplates, "templates");

export const getTemplateDetail = query(requireTemplate, "template");

export const preloadTemplates = preloadOf(getTemplates, "tenant");

export const preloadTemplate = preloadOf(getTemplateDetail, "tenant", "key");

/** The definition alone: what GET adds (builtIn, launchBlockers) is not part of it. */
export function definitionOf(t: TemplateDetail): TemplateDefinition {
  const { builtIn, launchBlockers, ...def } = t;
  void builtIn;
  void launchBlockers;
  return structuredClone(def);
}

/** Clone, then open the copy for editing. */
export const copyTemplate = action(
  async (tenant: string, fromKey: string, form: FormData | URLSearchParams) => {
    const key = String(form.get("key") ?? "").trim();
    const name = String(form.get("name") ?? "").trim();
    // No key: the server makes one from the name (schema/rules/keys.ts).
    const r = await cloneTemplate(tenant, { fromKey, key: key || undefined, name });
    throw redirect(`/t/${tenant}/mau/${r.key}`, { revalidate: [getTemplates.key] });
  },
  "copy-template",
);

export const storeTemplate = action(
  async (tenant: string, key: string, version: number, definition: TemplateDefinition) => {
    const r = await saveTemplate(tenant, key, { version, definition });
    return json(r, {
      revalidate: [getTemplates.key, getTemplateDetail.keyFor(tenant, key)],
    });
  },
  "store-template",
);

/**
 * One item per line, as the admin pastes them from the document: blank lines dropped, a
 * leading "1." or "1)" removed, text NFC (the same rule as schema/template.ts withListItems).
 */
export function parseItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) =>
      l
        .normalize("NFC")
        .replace(/^\s*\d+\s*[.)]\s*/, "")
        .trim(),
    )
    .filter((l) => l.length > 0);
}
