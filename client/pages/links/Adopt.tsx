// /t/:tenant/lien-ket/ap-dung/:directiveId — adopt a parent's directive and adapt it: the
// parent's document and its chain, what the parent locked and why, and inputs for the parts
// that are this đảng bộ's own: name, number, dates (none after the parent's deadline), the
// steps' dates, units, and the wording of the sections left unlocked. Server errors land
// next to the input they name.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { TemplateDefinition } from "../../../schema/template";
import type { Directive } from "../../api-parents";
import { Alert } from "../../components/Alert";
import { DayInput, Field, Input, TextArea } from "../../components/Field";
import { Submit } from "../../components/Submit";
import { alertUnlessField, fieldError } from "../../lib/errors";
import { DAY_HINT, formatDay } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { isLocked, lockedLine } from "./adapt";
import { adopt, getAdoptUnits, getDirectives } from "./links.data";
import "../screens.css";

export default function AdoptPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const directives = createAsync(() => getDirectives(tenant()));
  const directive = () => directives()?.find((d) => d.id === props.params.directiveId && !d.own);
  useTitle(() => "Áp dụng văn bản của cấp trên");
  return (
    <>
      <h1>Áp dụng văn bản của cấp trên</h1>
      <p>
        <A href={`/t/${tenant()}/lien-ket`}>← Cấp trên – cấp dưới</A>
      </p>
      <Show
        when={directive()}
        fallback={
          <Show when={directives()}>
            <p class="muted">Không tìm thấy văn bản chỉ đạo của cấp trên.</p>
          </Show>
        }
      >
        {(d) => <AdoptForm tenant={tenant()} directive={d()} />}
      </Show>
    </>
  );
}

function AdoptForm(props: { tenant: string; directive: Directive }) {
  const sub = useSubmission(adopt);
  const units = createAsync(() => getAdoptUnits(props.tenant));
  const def = () => props.directive.definition as TemplateDefinition;
  const err = (k: string) => fieldError(sub.error, k);
  const max = () => formatDay(props.directive.dueOn);
  const deadlineHint = () => `Không sau ${max()} (hạn của cấp trên). ${DAY_HINT}`;
  return (
    <form action={adopt.with(props.tenant, props.directive)} method="post" class="stack">
      <section class="card" aria-labelledby="adopt-parent">
        <h2 id="adopt-parent">{props.directive.name}</h2>
        <p class="cell-note">
          <Show when={props.directive.documentNo}>Số {props.directive.documentNo} · </Show>
          Từ {formatDay(props.directive.startsOn)} đến {max()}
        </p>
        <Show when={props.directive.chain.text}>
          <p class="muted">Đợt sinh hoạt của đảng bộ sẽ ghi: “{props.directive.chain.text}”.</p>
        </Show>
        <Show
          when={lockedLine(props.directive.lockedSections)}
          fallback={<p>Cấp trên không khóa phần nào: đảng bộ được điều chỉnh toàn bộ nội dung.</p>}
        >
          {(line) => (
            <p role="note">
              <strong>{line()}</strong> Các phần này giữ nguyên như văn bản của cấp trên để mọi cấp
              thực hiện và tổng hợp cùng một nội dung; đảng bộ chỉ điều chỉnh phần còn lại.
            </p>
          )}
        </Show>
      </section>

      <section class="card stack" aria-labelledby="adopt-own">
        <h2 id="adopt-own">Văn bản của đảng bộ</h2>
        <Field id="a-name" label="Tên đợt" error={err("name")}>
          <Input name="name" type="text" maxLength={300} value={props.directive.name} />
        </Field>
        <Field
          id="a-doc"
          label="Số văn bản của đảng bộ"
          error={err("documentNo")}
          hint="Ví dụ 155-KH/ĐU."
        >
          <Input name="documentNo" type="text" maxLength={100} />
        </Field>
        <div class="grid-2">
          <Field id="a-start" label="Ngày bắt đầu" hint={DAY_HINT} error={err("startsOn")}>
            <DayInput name="startsOn" value={formatDay(props.directive.startsOn)} />
          </Field>
          <Field id="a-due" label="Hạn hoàn thành" hint={deadlineHint()} error={err("dueOn")}>
            <DayInput name="dueOn" value={max()} data-max={props.directive.dueOn} />
          </Field>
        </div>
        <Field id="a-desc" label="Nội dung, yêu cầu" error={err("definition.description")}>
          <TextArea name="description" rows={3} value={def().description} />
        </Field>
        <fieldset>
          <legend>Đơn vị thực hiện</legend>
          <For each={(units() ?? []).filter((u) => u.depth <= 1 && !u.closedOn)}>
            {(u) => (
              <label class="check">
                <input type="checkbox" name="unitIds" value={u.id} checked={u.depth === 0} />{" "}
                {u.name}
              </label>
            )}
          </For>
          <p class="field-error" id="a-units-err">
            {err("unitIds")}
          </p>
        </fieldset>
      </section>

      <section class="card stack" aria-labelledby="adopt-steps">
        <h2 id="adopt-steps">Các bước và thời hạn</h2>
        <Show when={isLocked(props.directive, "steps")}>
          <p class="muted">Cấp trên khóa các bước: chỉ điều chỉnh được thời hạn.</p>
        </Show>
        <Alert>{err("definition.steps")}</Alert>
        <For each={def().steps}>
          {(step) => (
            <div class="grid-2">
              <Show
                when={!isLocked(props.directive, "steps")}
                fallback={
                  <p>
                    <strong>{step.title}</strong>
                  </p>
                }
              >
                <Field id={`a-step-${step.key}`} label="Tên bước">
                  <Input name={`title.step.${step.key}`} type="text" value={step.title} />
                </Field>
              </Show>
              <Field
                id={`a-due-${step.key}`}
                label={`Hạn của bước (nếu khác)`}
                hint={`Không sau ${max()}.`}
                error={err(`overrides.${step.key}`)}
              >
                <DayInput name={`due.${step.key}`} data-max={props.directive.dueOn} />
              </Field>
            </div>
          )}
        </For>
      </section>

      <Show when={def().forms.length > 0}>
        <section class="card stack" aria-labelledby="adopt-forms">
          <h2 id="adopt-forms">Biểu mẫu</h2>
          <Alert>{err("definition.forms")}</Alert>
          <For each={def().forms}>
            {(f) => (
              <Show when={!isLocked(props.directive, "forms")} fallback={<p>{f.title}</p>}>
                <Field id={`a-form-${f.key}`} label="Tên biểu mẫu">
                  <Input name={`title.form.${f.key}`} type="text" value={f.title} />
                </Field>
              </Show>
            )}
          </For>
          <Show when={isLocked(props.directive, "forms")}>
            <p class="muted">Cấp trên khóa biểu mẫu: đảng viên dùng đúng mẫu của cấp trên.</p>
          </Show>
        </section>
      </Show>

      <Alert>
        {alertUnlessField(
          sub.error,
          "name",
          "documentNo",
          "startsOn",
          "dueOn",
          "unitIds",
          "definition.steps",
          "definition.forms",
          ...def().steps.map((s) => `overrides.${s.key}`),
        )}
      </Alert>
      <Submit pending={sub.pending} busy="Đang áp dụng…">
        Áp dụng và tạo đợt sinh hoạt (nháp)
      </Submit>
    </form>
  );
}
