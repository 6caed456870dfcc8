/**
 * The built-in campaign templates (DESIGN.md §3): one per variant in the seeds. They are
 * deeply frozen so that no caller edits the shared copy; a tenant's clone starts from
 * getBuiltInTemplate, which returns a fresh copy.
 */
import type { TemplateDefinition } from "../template";
import { ct24SinhHoat } from "./ct24-sinh-hoat";
import { dienDanChiBo } from "./dien-dan-chi-bo";
import { tuSoiTuSua } from "./tu-soi-tu-sua";
import { tuSoiTuSuaHuyen } from "./tu-soi-tu-sua-huyen";
import { tuSoiTuSuaSo } from "./tu-soi-tu-sua-so";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const x of Object.values(value)) deepFreeze(x);
  }
  return value;
}

export const builtInTemplates: TemplateDefinition[] = deepFreeze([
  tuSoiTuSua,
  tuSoiTuSuaSo,
  tuSoiTuSuaHuyen,
  ct24SinhHoat,
  dienDanChiBo,
]);

export function getBuiltInTemplate(key: string): TemplateDefinition | null {
  const def = builtInTemplates.find((t) => t.key === key);
  return def ? structuredClone(def) : null;
}
