// "Chậm tiến độ" under one of this đảng bộ's own directives: the đảng bộ below that have not
// adopted it (and for how many days) or have people late, from the figures pushed up by the
// last rollup (the list says how fresh), each with "Nhắc" — a notification to that đảng bộ's
// admins, once a day. Tenant names and counts only: no person, no plan text.
import { createAsync, useSubmission } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { BehindRow } from "../../api-parents";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/labels";
import { Outcome } from "../../components/Alert";
import { Submit } from "../../components/Submit";
import { getBehind, remind } from "./links.data";

export function BehindList(props: { tenant: string; directiveId: string }) {
  const behind = createAsync(() => getBehind(props.tenant, props.directiveId));
  const rows = () => behind()?.rows ?? [];
  return (
    <details class="behind">
      <summary>
        Chậm tiến độ
        <Show when={behind()}> ({rows().length})</Show>
      </summary>
      <Show
        when={rows().length > 0}
        fallback={<p class="muted">Không có đảng bộ cấp dưới nào chậm tiến độ.</p>}
      >
        <ul class="link-list">
          <For each={rows()}>
            {(r) => <BehindItem tenant={props.tenant} directiveId={props.directiveId} row={r} />}
          </For>
        </ul>
      </Show>
      <p class="cell-note">
        <Show
          when={behind()?.oldestComputedAt}
          fallback="Số liệu cấp dưới chưa được tổng hợp lần nào."
        >
          {(at) => <>Số liệu tổng hợp lúc {formatDateTime(at())} (cũ nhất).</>}
        </Show>
      </p>
    </details>
  );
}

function BehindItem(props: { tenant: string; directiveId: string; row: BehindRow }) {
  const sent = useSubmission(remind, ([, , slug]) => slug === props.row.tenant.slug);
  return (
    <li>
      <strong>{props.row.tenant.name}</strong>
      <Show when={props.row.depth > 1}>
        <span class="cell-note"> (cấp dưới của {props.row.parentSlug})</span>
      </Show>
      <ul>
        <For each={props.row.reasons}>{(reason) => <li>{reason}</li>}</For>
      </ul>
      <form
        action={remind.with(props.tenant, props.directiveId, props.row.tenant.slug)}
        method="post"
      >
        <Submit
          pending={sent.pending}
          busy="Đang nhắc…"
          class="button small"
          label={`Nhắc ${props.row.tenant.name}`}
        >
          Nhắc
        </Submit>
      </form>
      <Outcome error={errorMessage(sent.error)} notice={sent.result?.notice} />
    </li>
  );
}
