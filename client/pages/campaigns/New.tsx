// /t/:tenant/dot-sinh-hoat/moi — the admin creates a campaign (a draft) from a template:
// its name and document number, its dates, and the units it covers. Checking a unit covers
// its whole subtree, so the units below a checked one are not offered separately.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { Unit } from "../../api";
import { errorMessage, fieldError } from "../../lib/errors";
import { DAY_HINT, formatDay, todayIct, unitKindLabel } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { buildTree, subtreeIds, type UnitTree } from "../../lib/tree";
import { getTemplateDetail, getTemplates } from "../templates/templates.data";
import { getUnits } from "../units/units.data";
import { addCampaign } from "./campaigns.data";
import "../screens.css";
import { DayInput, Field, Input, Select } from "../../components/Field";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export default function NewCampaignPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const templates = createAsync(() => getTemplates(tenant()));
  const units = createAsync(() => getUnits(tenant()));
  const tree = createMemo(() => buildTree((units() ?? []).filter((u) => !u.closedOn)));
  const fromQuery = () => {
    const v = props.location.query.mau;
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const [chosen, setChosen] = createSignal("");
  const templateKey = () =>
    chosen() ||
    fromQuery() ||
    (templates() ?? []).find((t) => !t.builtIn)?.key ||
    (templates() ?? [])[0]?.key ||
    "";
  const detail = createAsync(async () =>
    templateKey() ? getTemplateDetail(tenant(), templateKey()) : undefined,
  );
  const sub = useSubmission(addCampaign);
  const err = (f: string) => fieldError(sub.error, f);

  const today = todayIct();
  const year = today.slice(0, 4);
  const [name, setName] = createSignal<string | null>(null);
  const defaultName = () => (detail() ? `${detail()!.name} năm ${year}` : "");
  const defaultDue = () => {
    const d = detail();
    return d ? formatDay(addDays(today, daysBetween(d.schedule.startsOn, d.schedule.dueOn))) : "";
  };
  const [checked, setChecked] = createSignal<Set<string> | null>(null);
  // Until the admin chooses, the whole đảng bộ (the roots of the tree).
  const picked = () => checked() ?? new Set(tree().roots.map((u) => u.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked());
    if (on) {
      // A checked unit covers its subtree: drop checks below it.
      for (const x of subtreeIds(tree(), id)) next.delete(x);
      next.add(id);
    } else next.delete(id);
    setChecked(next);
  };
  useTitle(() => "Tạo đợt sinh hoạt");

  return (
    <>
      <p class="back">
        <A href={`/t/${tenant()}/dot-sinh-hoat`}>← Đợt sinh hoạt</A>
      </p>
      <h1>Tạo đợt sinh hoạt</h1>
      <p class="muted">
        Đợt được tạo ở dạng nháp; sau khi kiểm tra, bấm “Phát động” để giao việc cho các chi bộ và
        đảng viên.
      </p>
      <form action={addCampaign.with(tenant())} method="post" class="card stack">
        <Field id="c-template" label="Mẫu">
          <Select name="templateKey" required onChange={(e) => setChosen(e.currentTarget.value)}>
            <For each={templates() ?? []}>
              {(t) => (
                <option value={t.key} selected={t.key === templateKey()}>
                  {t.name}
                  {t.builtIn ? " (có sẵn)" : ""}
                </option>
              )}
            </For>
          </Select>
          <p class="field-error">{err("templateKey")}</p>
        </Field>
        <Show when={detail()}>
          {(d) => (
            <div class="template-info">
              <p class="hint">{d().description}</p>
              <Show when={d().launchBlockers.length > 0}>
                <div class="callout-warning" role="note">
                  <p>
                    <strong>Đợt tạo từ mẫu này chưa phát động được:</strong>
                  </p>
                  <ul>
                    <For each={d().launchBlockers}>{(b) => <li>{b}</li>}</For>
                  </ul>
                  <p>
                    <A href={`/t/${tenant()}/mau/${d().key}`}>Mở mẫu để bổ sung</A>
                  </p>
                </div>
              </Show>
            </div>
          )}
        </Show>
        <Field id="c-name" label="Tên đợt" error={err("name")}>
          <Input
            name="name"
            type="text"
            required
            minLength={3}
            maxLength={300}
            value={name() ?? defaultName()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <Field id="c-doc" label="Số văn bản (không bắt buộc)" error={err("documentNo")}>
          <Input name="documentNo" type="text" maxLength={100} placeholder="Ví dụ: 05-HD/ĐU" />
        </Field>
        <div class="grid-2">
          <Field id="c-start" label="Ngày bắt đầu" error={err("startsOn")} hint={DAY_HINT}>
            <DayInput name="startsOn" value={formatDay(today)} required />
          </Field>
          <Field
            id="c-due"
            label="Hạn hoàn thành (trước ngày)"
            error={err("dueOn")}
            hint="Các bước của mẫu tính hạn theo ngày này."
          >
            <DayInput name="dueOn" value={defaultDue()} required />
          </Field>
        </div>
        <fieldset class="field" aria-describedby="c-units-err">
          <legend>Đơn vị tham gia</legend>
          <p class="hint">Chọn một đơn vị là gồm cả các đơn vị trực thuộc.</p>
          <Show when={units()} fallback={<p class="boot">Đang tải cây đơn vị…</p>}>
            <UnitChecks list={tree().roots} tree={tree()} picked={picked()} toggle={toggle} />
          </Show>
          <p id="c-units-err" class="field-error">
            {err("unitIds")}
          </p>
        </fieldset>
        <Alert>{errorMessage(sub.error)}</Alert>
        <Submit pending={sub.pending} busy="Đang tạo…">
          Tạo đợt (nháp)
        </Submit>
      </form>
    </>
  );
}

function UnitChecks(props: {
  list: Unit[];
  tree: UnitTree;
  picked: Set<string>;
  toggle: (id: string, on: boolean) => void;
}) {
  return (
    <ul class="unit-checks">
      <For each={props.list}>
        {(u) => {
          const kids = () => props.tree.children.get(u.id) ?? [];
          const on = () => props.picked.has(u.id);
          return (
            <li>
              <label class="check">
                <input
                  type="checkbox"
                  name="unitIds"
                  value={u.id}
                  checked={on()}
                  onChange={(e) => props.toggle(u.id, e.currentTarget.checked)}
                />
                <span>
                  {u.name} <span class="muted">({unitKindLabel(u.kind)})</span>
                </span>
              </label>
              <Show when={kids().length > 0}>
                <Show
                  when={!on()}
                  fallback={<p class="hint indent">Gồm cả {kids().length} đơn vị trực thuộc.</p>}
                >
                  <UnitChecks {...props} list={kids()} />
                </Show>
              </Show>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
