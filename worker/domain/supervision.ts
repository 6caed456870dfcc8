// Which supervising bodies a supervisor account speaks for, read from the name of the unit
// its grant names ("Ủy ban MTTQ phường", "Công đoàn cơ sở…", "Ban Tuyên giáo…"). Units carry
// no field for this, so the name decides — the same way the templates tell MTTQ from other
// đoàn thể (schema/template.ts). Assumption, documented: a supervisor watches the members of
// the organisation its unit belongs to, i.e. the subtree of the unit's parent.
import type { Supervisor } from "../../schema/template";
import { foldVietnamese } from "./text";

export function supervisorBodies(unitName: string): Supervisor["body"][] {
  const n = foldVietnamese(unitName);
  if (/\b(mttq|mat tran)\b/.test(n)) return ["mttq", "ban-cong-tac-mat-tran"];
  if (/\bcong doan\b/.test(n)) return ["cong-doan"];
  if (/\btuyen giao\b/.test(n)) return ["ban-tuyen-giao"];
  return ["doan-the"];
}
