// The copy of what a member typed on an older version of their plan, to copy from.
import { For, Show } from "solid-js";
import type { Form } from "../../../schema/template";
import type { PlanData } from "../../api";
import { Field } from "../../components/Field";
import { getAt, leafEntries } from "../../lib/plan";

/**
 * What the user typed before choosing the newest version, field by field where it differs,
 * in read-only boxes to copy from. Kept on the device until they say they are done.
 */
export function Rescued(props: {
  form: Form;
  mine: PlanData;
  current: PlanData;
  onDismiss: () => void;
}) {
  const entries = () => {
    const out: { label: string; text: string }[] = [];
    for (const { field, path } of leafEntries(props.form)) {
      const mine = getAt(props.mine, path);
      const now = getAt(props.current, path);
      if (field.type === "checklist") {
        for (const [g, items] of Object.entries((mine as Record<string, unknown>) ?? {})) {
          for (const [no, a] of Object.entries((items as Record<string, unknown>) ?? {})) {
            const note = (a as { note?: unknown } | undefined)?.note;
            const was = getAt(props.current, [...path, g, no, "note"]);
            if (typeof note === "string" && note && note !== was)
              out.push({ label: `${field.label} — ${g}, nội dung ${no}`, text: note });
          }
        }
      } else if ((typeof mine === "string" || typeof mine === "number") && mine !== now) {
        out.push({ label: field.label, text: String(mine) });
      }
    }
    return out;
  };
  return (
    <section class="rescue" aria-labelledby="rescue-title">
      <h2 id="rescue-title">Nội dung bạn đã gõ nhưng chưa lưu</h2>
      <Show
        when={entries().length > 0}
        fallback={<p>Không có gì khác với bản mới nhất trên máy chủ.</p>}
      >
        <p>
          Bản kế hoạch đã được thay đổi ở nơi khác nên ô nhập bên dưới là bản mới nhất trên máy chủ.
          Đây là những gì bạn đã gõ — hãy chép sang ô cần thiết.
        </p>
        <For each={entries()}>
          {(e, i) => (
            <Field id={`rescue-${i()}`} label={`Bạn đã gõ vào «${e.label}»`}>
              <textarea id={`rescue-${i()}`} readonly rows={4} value={e.text} />
            </Field>
          )}
        </For>
      </Show>
      <button type="button" class="button small" onClick={() => props.onDismiss()}>
        Đã chép xong, ẩn khung này
      </button>
    </section>
  );
}
