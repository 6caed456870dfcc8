// The inputs of a campaign that carries out a parent's directive, shared by the adopt screen
// (Adopt.tsx: the directive's own values to start from) and the edit screen of an adopted
// draft (EditAdopted.tsx: the draft's values): the đảng bộ's own name, number and dates (none
// after the parent's deadline), the units, the wording of the sections left unlocked and the
// steps' own dates. A locked section is shown read-only, saying who locked it. Each input's
// name is what readAdapt (adapt.ts) reads; each error lands beside the input it names.
import { createAsync } from "@solidjs/router";
import { For, Show, type JSX } from "solid-js";
import type { TemplateDefinition } from "../../../schema/template";
import { Alert } from "../../components/Alert";
import { DayInput, Field, Input, TextArea } from "../../components/Field";
import { DAY_HINT, formatDay } from "../../lib/labels";
import { isLocked } from "./adapt";
import { getAdoptUnits } from "./links.data";

/** Where the inputs start from. `unitIds` null: the đảng bộ itself (its root unit). The units
 *  offered are the đảng bộ and the units under it, and any unit already chosen. */
export interface AdaptValues {
  name: string;
  documentNo: string | null;
  startsOn: string;
  dueOn: string;
  overrides: Record<string, string>;
  definition: TemplateDefinition;
  unitIds: string[] | null;
}

export function AdaptFields(props: {
  tenant: string;
  /** The directive's terms: its locked sections and its deadline. */
  terms: { lockedSections: string[]; dueOn: string };
  values: AdaptValues;
  err: (field: string) => string;
  /** Who locked: "Cấp trên" on the adopt screen, the issuer's name once adopted. */
  lockedBy: string;
}) {
  const units = createAsync(() => getAdoptUnits(props.tenant));
  const def = () => props.values.definition;
  const max = () => formatDay(props.terms.dueOn);
  const locked = (s: "steps" | "forms") => isLocked(props.terms, s);
  const checked = (u: { id: string; depth: number }) =>
    props.values.unitIds ? props.values.unitIds.includes(u.id) : u.depth === 0;
  return (
    <>
      <section class="card stack" aria-labelledby="adopt-own">
        <h2 id="adopt-own">Văn bản của đảng bộ</h2>
        <Field id="a-name" label="Tên đợt" error={props.err("name")}>
          <Input name="name" type="text" maxLength={300} value={props.values.name} />
        </Field>
        <Field
          id="a-doc"
          label="Số văn bản của đảng bộ"
          error={props.err("documentNo")}
          hint="Ví dụ 155-KH/ĐU."
        >
          <Input
            name="documentNo"
            type="text"
            maxLength={100}
            value={props.values.documentNo ?? ""}
          />
        </Field>
        <div class="grid-2">
          <Field id="a-start" label="Ngày bắt đầu" hint={DAY_HINT} error={props.err("startsOn")}>
            <DayInput name="startsOn" value={formatDay(props.values.startsOn)} />
          </Field>
          <Field
            id="a-due"
            label="Hạn hoàn thành"
            hint={`Không sau ${max()} (hạn của cấp trên). ${DAY_HINT}`}
            error={props.err("dueOn")}
          >
            <DayInput
              name="dueOn"
              value={formatDay(props.values.dueOn)}
              data-max={props.terms.dueOn}
            />
          </Field>
        </div>
        <Field id="a-desc" label="Nội dung, yêu cầu" error={props.err("definition.description")}>
          <TextArea name="description" rows={3} value={def().description} />
        </Field>
        <fieldset>
          <legend>Đơn vị thực hiện</legend>
          <For
            each={(units() ?? []).filter(
              (u) => (u.depth <= 1 && !u.closedOn) || !!props.values.unitIds?.includes(u.id),
            )}
          >
            {(u) => (
              <label class="check">
                <input type="checkbox" name="unitIds" value={u.id} checked={checked(u)} /> {u.name}
              </label>
            )}
          </For>
          <p class="field-error" id="a-units-err">
            {props.err("unitIds")}
          </p>
        </fieldset>
      </section>

      <section class="card stack" aria-labelledby="adopt-steps">
        <h2 id="adopt-steps">Các bước và thời hạn</h2>
        <Show when={locked("steps")}>
          <p class="muted" role="note">
            {props.lockedBy} khóa các bước: tên bước giữ như văn bản cấp trên, chỉ điều chỉnh được
            thời hạn.
          </p>
        </Show>
        <Alert>{props.err("definition.steps")}</Alert>
        <For each={def().steps}>
          {(step) => (
            <div class="grid-2">
              <Show
                when={!locked("steps")}
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
                error={props.err(`overrides.${step.key}`)}
              >
                <DayInput
                  name={`due.${step.key}`}
                  value={
                    props.values.overrides[step.key]
                      ? formatDay(props.values.overrides[step.key]!)
                      : ""
                  }
                  data-max={props.terms.dueOn}
                />
              </Field>
            </div>
          )}
        </For>
      </section>

      <Show when={def().forms.length > 0}>
        <section class="card stack" aria-labelledby="adopt-forms">
          <h2 id="adopt-forms">Biểu mẫu</h2>
          <Alert>{props.err("definition.forms")}</Alert>
          <For each={def().forms}>
            {(f) => (
              <Show when={!locked("forms")} fallback={<p>{f.title}</p>}>
                <Field id={`a-form-${f.key}`} label="Tên biểu mẫu">
                  <Input name={`title.form.${f.key}`} type="text" value={f.title} />
                </Field>
              </Show>
            )}
          </For>
          <Show when={locked("forms")}>
            <p class="muted" role="note">
              {props.lockedBy} khóa biểu mẫu: đảng viên dùng đúng mẫu của cấp trên.
            </p>
          </Show>
        </section>
      </Show>
    </>
  );
}

/** What the directive locks (`children`, when `when`) and why, or that it locks nothing. */
export function LockedSections(props: { when: boolean; children: JSX.Element }) {
  return (
    <Show
      when={props.when}
      fallback={<p>Cấp trên không khóa phần nào: đảng bộ được điều chỉnh toàn bộ nội dung.</p>}
    >
      {props.children}
      <p role="note">
        Các phần này giữ nguyên như văn bản của cấp trên để mọi cấp thực hiện và tổng hợp cùng một
        nội dung; đảng bộ chỉ điều chỉnh phần còn lại.
      </p>
    </Show>
  );
}

/** The fields AdaptFields shows errors beside: the alert shows any other error. */
export const adaptFieldNames = (def: TemplateDefinition) => [
  "name",
  "documentNo",
  "startsOn",
  "dueOn",
  "unitIds",
  "definition.description",
  "definition.steps",
  "definition.forms",
  ...def.steps.map((s) => `overrides.${s.key}`),
];
