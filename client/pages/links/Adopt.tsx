// /t/:tenant/lien-ket/ap-dung/:directiveId — adopt a parent's directive and adapt it: the
// parent's document and its chain, what the parent locked and why, and inputs for the parts
// that are this đảng bộ's own: name, number, dates (none after the parent's deadline), the
// steps' dates, units, and the wording of the sections left unlocked. Server errors land
// next to the input they name.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import type { TemplateDefinition } from "../../../schema/template";
import type { Directive } from "../../api-parents";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";
import { alertUnlessField, fieldError } from "../../lib/errors";
import { formatDay } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { lockedLine } from "./adapt";
import { AdaptFields, adaptFieldNames, LockedSections } from "./AdaptFields";
import { adopt, getDirectives } from "./links.data";
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
  const def = () => props.directive.definition as TemplateDefinition;
  const max = () => formatDay(props.directive.dueOn);
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
        <LockedSections when={!!lockedLine(props.directive.lockedSections)}>
          <p>
            <strong>{lockedLine(props.directive.lockedSections)}</strong>
          </p>
        </LockedSections>
      </section>

      <AdaptFields
        tenant={props.tenant}
        terms={props.directive}
        values={{
          name: props.directive.name,
          documentNo: null,
          startsOn: props.directive.startsOn,
          dueOn: props.directive.dueOn,
          overrides: {},
          definition: def(),
          unitIds: null,
        }}
        err={(k) => fieldError(sub.error, k)}
        lockedBy="Cấp trên"
      />

      <Alert>{alertUnlessField(sub.error, ...adaptFieldNames(def()))}</Alert>
      <Submit pending={sub.pending} busy="Đang áp dụng…">
        Áp dụng và tạo đợt sinh hoạt (nháp)
      </Submit>
    </form>
  );
}
