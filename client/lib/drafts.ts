// Plan drafts kept on the device (localStorage): the plan form writes them as the member
// types (pages/plan/autosave.ts); the task list shows that one is there, even offline.
import type { PlanData } from "../http";
import { canonicalJson } from "../../schema/rules/canonical";

/** localStorage key of a draft: per user too, so a shared phone never mixes two people's. */
export const draftKey = (
  tenant: string,
  userId: string,
  campaignId: string,
  formKey: string,
  memberId: string,
) => `shct:draft:${tenant}:${userId}:${campaignId}:${formKey}${memberId ? `:${memberId}` : ""}`;

export interface LocalDraft {
  data: PlanData;
  /** The server version the edits were made on; null before the first save. */
  baseVersion: number | null;
  /** When the last edit was made (ms since epoch, this device's clock). */
  at: number;
}

export function readLocal(key: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    if (!d || typeof d !== "object" || typeof d.data !== "object" || d.data === null) return null;
    return {
      data: d.data,
      baseVersion: typeof d.baseVersion === "number" ? d.baseVersion : null,
      at: typeof d.at === "number" ? d.at : 0,
    };
  } catch {
    return null;
  }
}

export function writeLocal(key: string, draft: LocalDraft): void {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Private mode or a full storage: the server copy is then the only one; nothing to do.
  }
}

export function clearLocal(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // As above.
  }
}

/** Whether a draft of the caller's own form is kept on this device, and since when. */
export function ownDraftAt(
  tenant: string,
  userId: string,
  campaignId: string,
  formKey: string,
): number | null {
  const d = readLocal(draftKey(tenant, userId, campaignId, formKey, ""));
  return d ? d.at : null;
}

/** Two plans with the same answers, whatever the order their keys were written in. */
export const sameData = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
