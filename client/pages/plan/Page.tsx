// /t/:tenant/dot-sinh-hoat/:campaignId/ke-hoach/:formKey — the member writes their plan on
// the form of the campaign's template; …/nhap-thay/:memberId/:formKey — a secretary writes
// it for a member without a phone (marked so on the server and here).
//
// The form saves itself as the member types (autosave.ts) and keeps every unsaved change on
// the device. "Nộp" sends it to the cell; the server's per-field messages land next to their
// fields. A confirmed plan is shown as a document until the member chooses to edit it.
import { A, createAsync, revalidate, type RouteSectionProps } from "@solidjs/router";
import { createMemo, createSignal, onCleanup, Show } from "solid-js";
import type { Form } from "../../../schema/template";
import { ApiError, savePlan, submitPlan, type PlanData, type PlanOwner } from "../../api";
import PlanDocument from "../../components/PlanDocument";
import { errorMessage } from "../../lib/errors";
import { dueText, formatDate, formatTime, TASK_STATUS_LABELS } from "../../lib/format";
import {
  applyPrefill,
  focusTarget,
  pathKey,
  pathLabel,
  screenTitle,
  setAt,
  withYear,
} from "../../lib/plan";
import { useTitle } from "../../lib/title";
import { getMine, getMyTasks } from "../tasks/tasks.data";
import { clearLocal, createAutosave, readLocal, writeLocal } from "./autosave";
import { sameData } from "../../lib/drafts";
import { keepSavedPlan } from "../../lib/offline";
import { FormFields, type FormCtx } from "./fields";
import { Rescued } from "./Rescued";
import { ErrorSummary, saveText, StatusCallouts } from "./status";
import { draftKey, getPlan, type PlanLoad } from "./plan.data";
import "./plan.css";
import { Alert } from "../../components/Alert";

export default function PlanPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const memberId = () => props.params.memberId ?? "";
  const [nonce, setNonce] = createSignal(0);
  /** What the user had typed when they chose to load the newest version instead. */
  const [rescued, setRescued] = createSignal<PlanData | null>(null);
  const plan = createAsync(() =>
    getPlan(
      tenant(),
      props.params.campaignId ?? "",
      props.params.formKey ?? "",
      memberId(),
      nonce(),
    ),
  );
  onCleanup(() => {
    // What this page saved makes these reads stale, and Back would reuse them as they were.
    void revalidate([getPlan.key, getMine.key, getMyTasks.key, "campaign-queue", "review"]);
  });
  useTitle(() => {
    const p = plan();
    return p?.form
      ? screenTitle(withYear(p.form.title, p.campaign.startsOn.slice(0, 4)))
      : "Kế hoạch";
  });
  return (
    <Show when={plan()} keyed fallback={<p class="boot">Đang tải biểu mẫu…</p>}>
      {(p: PlanLoad) => (
        <Show
          when={p.form}
          fallback={
            <>
              <h1>Không tìm thấy biểu mẫu</h1>
              <p>Đợt sinh hoạt này không có biểu mẫu đó.</p>
            </>
          }
        >
          {(form) => (
            <PlanEditor
              tenant={tenant()}
              load={p}
              form={form()}
              onBehalfOf={memberId()}
              rescued={rescued()}
              onReload={(mine) => {
                setRescued(mine);
                setNonce((n) => n + 1);
              }}
              onDismissRescued={() => setRescued(null)}
            />
          )}
        </Show>
      )}
    </Show>
  );
}

function PlanEditor(props: {
  tenant: string;
  load: PlanLoad;
  form: Form;
  /** The member a secretary writes for; "" for the caller's own plan. */
  onBehalfOf: string;
  rescued: PlanData | null;
  onReload: (mine: PlanData) => void;
  onDismissRescued: () => void;
}) {
  // The page re-creates this component for every load (keyed), so what it starts from is
  // read once here.
  const load = props.load;
  const form = props.form;
  const tenant = props.tenant;
  const campaign = load.campaign;
  const server = load.submission;
  const who: PlanOwner = props.onBehalfOf ? { memberId: props.onBehalfOf } : {};
  const year = campaign.startsOn.slice(0, 4);
  const base = `/t/${tenant}/dot-sinh-hoat/${campaign.id}`;
  const storageKey = draftKey(tenant, load.me.user.id, campaign.id, form.key, props.onBehalfOf);
  const rescueKey = `${storageKey}:rescued`;

  const fromServer = load.facts
    ? applyPrefill(form, server?.data ?? {}, load.facts)
    : structuredClone(server?.data ?? {});
  const serverVersion = server?.version ?? null;
  // A copy left on this device: unsaved edits on top of what the server has now are
  // restored; edits made on an older version are shown to copy, never silently applied.
  // A copy the server already holds (the save the closing tab sent got through after all) is
  // neither restored nor offered to copy: nothing was lost.
  const held = readLocal(storageKey);
  const alreadySaved = held !== null && sameData(held.data, server?.data ?? {});
  if (alreadySaved) clearLocal(storageKey);
  const local = alreadySaved ? null : held;
  const restore = local !== null && local.baseVersion === serverVersion;
  let rescue = props.rescued;
  if (local && !restore) {
    rescue = local.data;
    writeLocal(rescueKey, local);
    clearLocal(storageKey);
  }
  if (!rescue) rescue = readLocal(rescueKey)?.data ?? null;
  const [rescuedData, setRescuedData] = createSignal<PlanData | null>(rescue);
  const data: PlanData = restore && local ? local.data : fromServer;

  const [tick, setTick] = createSignal(0);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [status, setStatus] = createSignal(server?.status ?? null);
  const [confirmedAt] = createSignal(server?.confirmedAt ?? null);
  const [submittedAt, setSubmittedAt] = createSignal(server?.submittedAt ?? null);
  const [editing, setEditing] = createSignal(server?.status !== "confirmed" || restore);
  const [notice, setNotice] = createSignal(
    restore ? "Đã khôi phục nội dung chưa lưu trên máy này." : "",
  );
  const [submitError, setSubmitError] = createSignal("");
  const [submitting, setSubmitting] = createSignal(false);
  let noticeEl: HTMLParagraphElement | undefined;
  let errorEl: HTMLDivElement | undefined;

  const kept = { tenant, campaignId: campaign.id, formKey: form.key };
  const save = createAutosave({
    storageKey,
    version: serverVersion,
    save: (d, v) =>
      savePlan(tenant, campaign.id, who, {
        formKey: form.key,
        data: d,
        ...(v === null ? {} : { version: v }),
      }),
    // Any save makes any plan a draft again; the copy kept for offline follows.
    onSaved: (version, d) => {
      setStatus("draft");
      if (!props.onBehalfOf) void keepSavedPlan(kept, { data: d, version, status: "draft" });
    },
    onInvalid: (fields) => setErrors({ ...fields }),
  });
  if (restore) save.changed(data);

  const clearErrors = (key: string) => {
    const next = { ...errors() };
    let changed = false;
    for (const e of Object.keys(next)) {
      if (e === key || e.startsWith(`${key}.`) || key.startsWith(`${e}.`)) {
        delete next[e];
        changed = true;
      }
    }
    if (changed) setErrors(next);
  };

  const ctx: FormCtx = {
    form,
    lists: load.lists,
    data,
    tick,
    confirmedAt,
    set(path, value) {
      setAt(data, path, value);
      clearErrors(pathKey(path));
      setTick((t) => t + 1);
      setNotice("");
      save.changed(data);
    },
    error(path) {
      return errors()[typeof path === "string" ? path : pathKey(path)] ?? "";
    },
  };

  const active = campaign.status === "active";
  const dueAt = createMemo(() => {
    const dues = campaign.steps
      .filter((s) => s.owner === "member" && s.formKey === form.key && s.dueAt)
      .map((s) => s.dueAt!)
      .sort();
    return dues[0] ?? null;
  });

  const focusFirstError = (fields: Record<string, string>) => {
    const first = Object.keys(fields)[0];
    queueMicrotask(() => {
      const el = first ? focusTarget(first) : null;
      if (el) {
        el.focus();
        el.scrollIntoView({ block: "center" });
      } else errorEl?.focus();
    });
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (submitting()) return;
    setSubmitting(true);
    setSubmitError("");
    setNotice("");
    try {
      // Nothing on the server yet (the member only read the prefilled form): send it first.
      if (save.version() === null && !save.dirty()) save.changed(data);
      if (!(await save.flush())) {
        setSubmitError(`Chưa nộp được vì bản nháp chưa lưu lên máy chủ. ${saveText(save.state())}`);
        queueMicrotask(() => errorEl?.focus());
        return;
      }
      const r = await submitPlan(tenant, campaign.id, who, form.key);
      if (!props.onBehalfOf) void keepSavedPlan(kept, r);
      save.setVersion(r.version);
      setStatus(r.status);
      setSubmittedAt(r.submittedAt);
      setErrors({});
      setNotice(
        `Đã nộp lúc ${formatTime(r.submittedAt ?? new Date())} ngày ${formatDate(r.submittedAt ?? new Date())}. Chi bộ sẽ xem và xác nhận.`,
      );
      queueMicrotask(() => noticeEl?.focus());
    } catch (err) {
      setSubmitError(errorMessage(err));
      if (err instanceof ApiError && err.status === 422 && Object.keys(err.fields).length) {
        setErrors({ ...err.fields });
        focusFirstError(err.fields);
      } else queueMicrotask(() => errorEl?.focus());
    } finally {
      setSubmitting(false);
    }
  }

  const loadNewest = () => {
    writeLocal(rescueKey, { data, baseVersion: save.version(), at: Date.now() });
    clearLocal(storageKey);
    props.onReload(JSON.parse(JSON.stringify(data)) as PlanData);
  };
  const dismissRescued = () => {
    clearLocal(rescueKey);
    setRescuedData(null);
    props.onDismissRescued();
  };

  const errorList = () => Object.entries(errors());
  const returnComment = () =>
    status() === "returned" || status() === "draft" ? (server?.returnComment ?? null) : null;

  return (
    <div class="plan">
      <p class="back">
        <A href={props.onBehalfOf ? `${base}/xac-nhan` : `/t/${tenant}/viec-cua-toi`}>
          ← {props.onBehalfOf ? "Danh sách xác nhận" : "Việc của tôi"}
        </A>
      </p>
      <p class="eyebrow">{campaign.name}</p>
      <h1>{screenTitle(withYear(form.title, year))}</h1>
      <Show when={props.onBehalfOf}>
        <p class="on-behalf" role="note">
          Bí thư nhập thay cho <strong>{load.memberName || "đảng viên"}</strong>. Bản này được ghi
          là do bí thư nhập thay.
        </p>
      </Show>
      <p class="plan-meta">
        <span class={`badge s-${status() ?? "todo"}`}>
          {TASK_STATUS_LABELS[status() ?? "todo"]}
        </span>
        <Show when={dueAt()}>
          <span> · Hạn: {dueText(dueAt()!)}</span>
        </Show>
      </p>

      <StatusCallouts
        status={status()}
        returnComment={returnComment()}
        confirmedAt={confirmedAt()}
        submittedAt={submittedAt()}
      />

      <p ref={noticeEl} class="notice" role="status" tabindex="-1">
        {notice()}
      </p>

      <Show when={rescuedData()}>
        {(r) => <Rescued form={form} mine={r()} current={data} onDismiss={dismissRescued} />}
      </Show>

      <Show
        when={active && editing()}
        fallback={
          <>
            <Show when={!active}>
              <p class="card">
                {campaign.status === "closed"
                  ? "Đợt sinh hoạt đã kết thúc: kế hoạch không sửa được nữa."
                  : "Đợt sinh hoạt chưa được phát động."}
              </p>
            </Show>
            <PlanDocument form={form} lists={load.lists} data={data} confirmedAt={confirmedAt()} />
            <div class="actions">
              <Show when={active}>
                <button type="button" class="button" onClick={() => setEditing(true)}>
                  Sửa kế hoạch
                </button>
              </Show>
              <Show when={!props.onBehalfOf}>
                <A href={`${base}/ke-hoach/${form.key}/in`} class="button">
                  Xem bản in
                </A>
              </Show>
            </div>
          </>
        }
      >
        <ErrorSummary
          ref={(el) => (errorEl = el)}
          title={submitError()}
          errors={errorList()}
          label={(path) => pathLabel(form, load.lists, path)}
        />

        <Show when={save.state().kind === "conflict"}>
          <Alert>
            <p>
              Bản kế hoạch vừa được thay đổi ở nơi khác (máy khác hoặc bí thư), nên những gì bạn vừa
              gõ chưa được lưu.
            </p>
            <p class="alert-more">
              Bấm “Tải bản mới nhất” để xem bản trên máy chủ. Nội dung bạn đang gõ vẫn hiện ở khung
              riêng để bạn chép lại.
            </p>
            <button type="button" class="button small" onClick={loadNewest}>
              Tải bản mới nhất
            </button>
          </Alert>
        </Show>
        <Show when={save.state().kind === "expired"}>
          <Alert>
            <p>Phiên đăng nhập đã hết. Nội dung bạn gõ vẫn được giữ trên máy này.</p>
            <A href={`/t/${tenant}/dang-nhap`} class="button small">
              Đăng nhập lại
            </A>
          </Alert>
        </Show>

        <Show when={form.intro}>
          <p class="form-intro">{withYear(form.intro!, year)}</p>
        </Show>
        <p class="hint">
          Ô có dấu <span class="req">*</span> là bắt buộc khi nộp.
        </p>
        <form class="plan-form" novalidate onSubmit={submit}>
          <FormFields ctx={ctx} />
          <div class="plan-bar">
            <p class="save-status" role="status" aria-live="polite">
              {saveText(save.state())}
            </p>
            <div class="plan-bar-actions">
              <Show when={!props.onBehalfOf}>
                <A href={`${base}/ke-hoach/${form.key}/in`} class="button small">
                  Bản in
                </A>
              </Show>
              <button
                type="submit"
                class="button primary"
                disabled={submitting() || status() === "submitted"}
              >
                {submitting() ? "Đang nộp…" : status() === "submitted" ? "Đã nộp" : "Nộp"}
              </button>
            </div>
          </div>
        </form>
      </Show>
    </div>
  );
}
