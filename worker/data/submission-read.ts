// Reading one plan by id, as much of it as the reader may see. Its author and the staff
// whose scope covers the author read every version (they write and review it). A supervisor
// the confirmed plan is routed to reads what was confirmed and nothing else — the same text
// the public page shows: not the author's later drafts, not the earlier versions, not the
// cell's return comments. Anyone else gets 404 (requireReadableSubmission).
import { submissionVersions } from "../../schema/tables/tenant";
import { inScope } from "../domain/scope";
import type { Grant } from "../env";
import { notFound } from "../errors";
import type { Ctx } from "./context";
import {
  getConfirmation,
  requireReadableSubmission,
  type SubmissionAccess,
} from "./submission-review";
import { listVersions, submissionView } from "./submissions";
import { eqAll } from "./sql";

export async function readSubmission(
  { db }: Pick<Ctx, "db">,
  input: { id: string; reader: SubmissionAccess & { grants: Grant[] }; withData: boolean },
) {
  const { reader } = input;
  const row = await requireReadableSubmission(db, input.id, reader);
  const { s } = row;
  const extra = { fullName: row.fullName, unitId: row.unitId };
  if (s.memberId === reader.memberId || inScope(reader.staffScope, row.path))
    return {
      submission: submissionView(s, extra),
      versions: await listVersions(db, { submissionId: s.id, withData: input.withData }),
      confirmation: await getConfirmation(db, s),
    };
  // Routed to a supervisor, so confirmed once (supervision.ts routes only those).
  const [frozen] = s.confirmedVersion
    ? await db
        .select()
        .from(submissionVersions)
        .where(eqAll(submissionVersions, { submissionId: s.id, version: s.confirmedVersion }))
    : [];
  if (!frozen) throw notFound("Không tìm thấy bản kế hoạch.");
  const view = submissionView(s, extra);
  return {
    submission: {
      ...view,
      status: "confirmed" as const,
      version: frozen.version,
      data: JSON.parse(frozen.data) as unknown,
      returnComment: null,
      updatedAt: frozen.at,
    },
    versions: [
      {
        version: frozen.version,
        status: frozen.status,
        at: frozen.at,
        onBehalf: frozen.onBehalf,
        comment: null,
        ...(input.withData ? { data: JSON.parse(frozen.data) as unknown } : {}),
      },
    ],
    confirmation: await getConfirmation(db, s),
  };
}
