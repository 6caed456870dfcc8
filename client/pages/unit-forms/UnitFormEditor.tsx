// A unit's own form (minutes with the 25 expressions, a forum's conclusion, an action plan, a
// monthly review), filled by the cell's secretary on the template's controls (../plan/fields).
// Each save is a version: the version read goes with it, and a 409 says someone saved
// meanwhile and offers to reload rather than overwrite.
import { createSignal, Show } from "solid-js";
import type { Form, TemplateList } from "../../../schema/template";
import { Alert } from "../../components/Alert";
import { ApiError, type PlanData } from "../../http";
import { formatDateTime } from "../../lib/labels";
import { setAt, type Path } from "../../lib/plan";
import { FormFields, type FormCtx } from "../plan/fields";
import "../plan/plan.css";

export interface UnitFormProps {
  form: Form;
  lists: readonly TemplateList[];
  /** The latest version read, or null when nothing is recorded yet. */
  current: { version: number; data: PlanData | null; recordedAt?: string | Date } | null;
  /** Saves with the version read; answers the new version. */
  save(data: PlanData, version: number): Promise<{ version: number }>;
  /** Reads the latest version again (after a 409). */
  reload(): void;
  saveLabel?: string;
}

export default function UnitFormEditor(props: UnitFormProps) {
  // The editor is re-created by its page when another version is loaded.
  const data: PlanData = structuredClone(props.current?.data ?? {});
  const [version, setVersion] = createSignal(props.current?.version ?? 0);
  const [tick, setTick] = createSignal(0);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal("");
  const [conflict, setConflict] = createSignal(false);
  const [saved, setSaved] = createSignal("");
  const [pending, setPending] = createSignal(false);
  const ctx: FormCtx = {
    form: props.form,
    lists: props.lists,
    data,
    tick,
    set(path: Path, value: unknown) {
      setAt(data, path, value);
      setTick((n) => n + 1);
    },
    error: (path) => errors()[typeof path === "string" ? path : path.join(".")] ?? "",
    confirmedAt: () => null,
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setPending(true);
    setSaved("");
    setMessage("");
    try {
      const r = await props.save(data, version());
      setVersion(r.version);
      setErrors({});
      setSaved(`Đã lưu phiên bản ${r.version}.`);
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setConflict(x.status === 409 && x.code === "VERSION_CONFLICT");
      const fields: Record<string, string> = {};
      for (const [k, m] of Object.entries(x.fields ?? {})) fields[k.replace(/^data\./, "")] = m;
      setErrors(fields);
      setMessage(x.message);
    } finally {
      setPending(false);
    }
  };
  return (
    <form class="plan-form unit-form" onSubmit={submit} novalidate>
      <Show when={props.current}>
        {(cur) => (
          <p class="hint">
            Phiên bản {cur().version}
            {cur().recordedAt ? `, lưu lúc ${formatDateTime(cur().recordedAt!)}` : ""}.
          </p>
        )}
      </Show>
      <Show when={message()}>
        <Alert>
          {message()}
          <Show when={conflict()}>
            {" "}
            <button type="button" class="button" onClick={() => props.reload()}>
              Tải lại bản mới nhất
            </button>
          </Show>
        </Alert>
      </Show>
      <FormFields ctx={ctx} />
      <p role="status" class="saved">
        {saved()}
      </p>
      <button type="submit" class="button primary" disabled={pending()}>
        {pending() ? "Đang lưu…" : (props.saveLabel ?? "Lưu biểu mẫu")}
      </button>
    </form>
  );
}
