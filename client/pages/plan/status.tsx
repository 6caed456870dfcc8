// What the plan page says about the plan's state: the save status, the cell's answer, and the
// summary of what is not valid yet (each entry a link to its field).
import { For, Show } from "solid-js";
import { formatDate, formatTime } from "../../lib/format";
import { fieldId, focusTarget } from "../../lib/plan";
import type { SaveState } from "./autosave";

export function saveText(s: SaveState): string {
  switch (s.kind) {
    case "idle":
      return "Nội dung được tự động lưu khi bạn gõ.";
    case "pending":
    case "saving":
      return "Đang lưu…";
    case "saved":
      return `Đã lưu lúc ${formatTime(s.at)}`;
    case "offline":
      return "Chưa lưu (mất kết nối) — sẽ lưu lại khi có mạng. Nội dung vẫn được giữ trên máy này.";
    case "conflict":
      return "Chưa lưu: kế hoạch vừa được thay đổi ở nơi khác.";
    case "invalid":
      return `Chưa lưu: ${s.message} Hãy sửa chỗ được đánh dấu.`;
    case "expired":
      return "Chưa lưu: phiên đăng nhập đã hết. Nội dung vẫn được giữ trên máy này.";
    case "failed":
      return `Chưa lưu: ${s.message}`;
  }
}

/** The cell's answer: returned with a comment, confirmed, or waiting for it. */
export function StatusCallouts(props: {
  status: string | null;
  returnComment: string | null;
  confirmedAt: string | null;
  submittedAt: string | null;
}) {
  return (
    <>
      <Show when={props.returnComment}>
        <div class="callout returned" role="note">
          <p class="callout-title">Chi bộ đã trả lại để sửa</p>
          <p class="quote">{props.returnComment}</p>
          <p class="hint">Sửa theo góp ý rồi bấm “Nộp” lần nữa.</p>
        </div>
      </Show>
      <Show when={props.status === "confirmed"}>
        <div class="callout confirmed" role="note">
          <p class="callout-title">
            Đã được chi bộ xác nhận ngày {formatDate(props.confirmedAt ?? "")}.
          </p>
          <p class="hint">Nếu sửa, kế hoạch trở lại dạng nháp và cần chi bộ xác nhận lại.</p>
        </div>
      </Show>
      <Show when={props.status === "submitted"}>
        <div class="callout submitted" role="note">
          <p class="callout-title">
            Đã nộp<Show when={props.submittedAt}> ngày {formatDate(props.submittedAt!)}</Show> —
            đang chờ chi bộ xác nhận.
          </p>
          <p class="hint">Nếu sửa tiếp, kế hoạch trở lại dạng nháp và cần nộp lại.</p>
        </div>
      </Show>
    </>
  );
}

/** The errors of the last save or submission, focused when a submission fails. */
export function ErrorSummary(props: {
  ref: (el: HTMLDivElement) => void;
  title: string;
  errors: [string, string][];
  label: (path: string) => string;
}) {
  return (
    <div ref={props.ref} class="error-summary" role="alert" tabindex="-1">
      <Show when={props.title || props.errors.length > 0}>
        <p class="error-title">{props.title || "Có chỗ chưa hợp lệ."}</p>
        <Show when={props.errors.length > 0}>
          <ul>
            <For each={props.errors}>
              {([path, message]) => (
                <li>
                  <a
                    href={`#${fieldId(path)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const el = focusTarget(path);
                      el?.focus();
                      el?.scrollIntoView({ block: "center" });
                    }}
                  >
                    {props.label(path)}: {message}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </div>
  );
}
