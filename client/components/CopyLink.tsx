// A one-time link (invitation, password reset) to hand to its person. The token inside is
// shown once: the server keeps only its hash, so the page says so.
import { createSignal, Show } from "solid-js";
import { formatDateTime } from "../lib/labels";

export default function CopyLink(props: { label: string; url: string; expiresAt?: string }) {
  const [copied, setCopied] = createSignal("");
  let input: HTMLTextAreaElement | undefined;
  const inputId = `link-${Math.random().toString(36).slice(2, 9)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopied("Đã sao chép đường dẫn.");
    } catch {
      // No clipboard (plain http, an old WebView): select it so a long press copies it.
      input?.focus();
      input?.select();
      setCopied("Không sao chép tự động được: đường dẫn đã được chọn, hãy sao chép bằng tay.");
    }
  };
  return (
    <div class="copy-link">
      <label for={inputId}>{props.label}</label>
      <div class="copy-row">
        {/* A textarea: the whole link stays readable on a narrow screen. */}
        <textarea
          id={inputId}
          ref={input}
          readonly
          rows={4}
          value={props.url}
          spellcheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button small" onClick={copy}>
          Sao chép
        </button>
      </div>
      <p class="hint">
        Đường dẫn chỉ hiện một lần
        <Show when={props.expiresAt}>, có hạn đến {formatDateTime(props.expiresAt!)}</Show>. Hãy gửi
        cho đúng người (Zalo, thư điện tử…).
      </p>
      <p role="status" class="hint">
        {copied()}
      </p>
    </div>
  );
}
