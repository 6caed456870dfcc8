// The parent's inbox of reports upward for one of its own directives, and "Trả lại".
import { action, json, query } from "@solidjs/router";
import { ApiError } from "../../http";
import { directiveInbox, returnReport } from "../../api-upward";

export const getInbox = query(
  (tenant: string, directiveId: string) => directiveInbox(tenant, directiveId),
  "directive-reports",
);

/** Returns a child's filed report with the admin's comment (the version the inbox showed). */
export const returnToChild = action(
  async (tenant: string, directiveId: string, slug: string, version: number, form: FormData) => {
    const comment = String(form.get("comment") ?? "").trim();
    if (!comment)
      throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", {
        comment: "Hãy ghi lý do trả lại.",
      });
    await returnReport(tenant, directiveId, slug, { version, comment });
    return json(
      { slug, notice: "Đã trả lại báo cáo." },
      { revalidate: [getInbox.keyFor(tenant, directiveId)] },
    );
  },
  "return-report",
);
