// /t/:tenant/lien-ket — "Cấp trên – cấp dưới", for the admin: ask a parent đảng bộ to link,
// approve or revoke links, the children's figures (counts only, no names), and directives:
// publish one for the children, or adopt a parent's as a campaign of one's own.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { ChildCampaign, Directive, TenantLink } from "../../api-parents";
import { alertUnlessField, errorMessage, fieldError } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { DAY_HINT, formatDateTime, formatDay } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import {
  addDirective,
  askParent,
  changeLink,
  getChildren,
  getDirectives,
  getLinks,
  getTemplateChoices,
} from "./links.data";
import { lockedLine } from "./adapt";
import { BehindList } from "./Behind";
import { DirectiveChart } from "./DirectiveChart";
import { ReportsInbox } from "./Reports";
import "../screens.css";
import { Field, Input, Select } from "../../components/Field";
import { Outcome } from "../../components/Alert";
import { Submit } from "../../components/Submit";

const LINK_STATUS: Record<string, string> = {
  pending: "Chờ duyệt",
  approved: "Đã liên kết",
  revoked: "Đã hủy",
};

export default function LinksPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const links = createAsync(() => getLinks(tenant()));
  const children = createAsync(() => getChildren(tenant()));
  const directives = createAsync(() => getDirectives(tenant()));
  const ask = useSubmission(askParent);
  useTitle(() => "Cấp trên – cấp dưới");

  return (
    <>
      <h1>Cấp trên – cấp dưới</h1>

      <section class="card" aria-labelledby="parent-title">
        <h2 id="parent-title">Đảng bộ cấp trên</h2>
        <LinkList
          tenant={tenant()}
          links={links()?.asChild}
          side="child"
          empty="Chưa liên kết với đảng bộ cấp trên nào."
        />
        <form action={askParent.with(tenant())} method="post" class="stack">
          <Field
            id="parent-slug"
            label="Mã đảng bộ cấp trên"
            error={fieldError(ask.error, "parentSlug")}
            hint="Mã trong đường dẫn của đảng bộ cấp trên, ví dụ “dang-uy-phuong-1”."
          >
            <Input
              name="parentSlug"
              type="text"
              autocomplete="off"
              autocapitalize="none"
              spellcheck={false}
              maxLength={40}
            />
          </Field>
          <Submit pending={ask.pending} busy="Đang gửi…">
            Đề nghị liên kết
          </Submit>
        </form>
        <Outcome error={alertUnlessField(ask.error, "parentSlug")} notice={ask.result?.notice} />
      </section>

      <section class="card" aria-labelledby="children-title">
        <h2 id="children-title">Đảng bộ cấp dưới</h2>
        <LinkList
          tenant={tenant()}
          links={links()?.asParent}
          side="parent"
          empty="Chưa có đảng bộ cấp dưới nào đề nghị liên kết."
        />
      </section>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">Số liệu của cấp dưới</h2>
        <Show when={children()} fallback={<p class="muted">Đang tải…</p>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="muted">Chưa có số liệu.</p>}>
              <For each={list()}>
                {(child) => (
                  <div class="card child-figures">
                    <h3>{child.tenant.name}</h3>
                    <Show
                      when={child.campaigns.length > 0}
                      fallback={<p class="muted">Chưa có đợt sinh hoạt nào.</p>}
                    >
                      <ul class="unit-bars">
                        <For each={child.campaigns}>{(c) => <ChildRow campaign={c} />}</For>
                      </ul>
                    </Show>
                  </div>
                )}
              </For>
            </Show>
          )}
        </Show>
      </section>

      <DirectivesSection tenant={tenant()} directives={directives()} />
    </>
  );
}

/** The links on one side, revoked ones left out; nothing while they load. */
function LinkList(props: {
  tenant: string;
  links: TenantLink[] | undefined;
  side: "child" | "parent";
  empty: string;
}) {
  const live = () => props.links?.filter((x) => x.status !== "revoked");
  return (
    <Show when={live()}>
      {(list) => (
        <Show when={list().length > 0} fallback={<p class="muted">{props.empty}</p>}>
          <LinkItems tenant={props.tenant} links={list()} side={props.side} />
        </Show>
      )}
    </Show>
  );
}

function LinkItems(props: { tenant: string; links: TenantLink[]; side: "child" | "parent" }) {
  const sub = useSubmission(changeLink);
  return (
    <>
      <ul class="link-list">
        <For each={props.links}>
          {(l) => (
            <li>
              <strong>{props.side === "child" ? l.parent.name : l.child.name}</strong>
              <span class="cell-note">
                {LINK_STATUS[l.status] ?? l.status}
                {l.approvedAt
                  ? ` · duyệt ngày ${formatDate(l.approvedAt)}`
                  : ` · đề nghị ngày ${formatDate(l.requestedAt)}`}
              </span>
              <div class="link-row">
                <Show when={props.side === "parent" && l.status === "pending"}>
                  <form action={changeLink.with(props.tenant, l.id, "approve")} method="post">
                    <button
                      type="submit"
                      class="button small primary"
                      disabled={sub.pending}
                      aria-label={`Duyệt liên kết với ${l.child.name}`}
                    >
                      Duyệt
                    </button>
                  </form>
                </Show>
                <form action={changeLink.with(props.tenant, l.id, "revoke")} method="post">
                  <button
                    type="submit"
                    class="button small"
                    disabled={sub.pending}
                    aria-label={`Hủy liên kết với ${props.side === "child" ? l.parent.name : l.child.name}`}
                  >
                    Hủy liên kết
                  </button>
                </form>
              </div>
            </li>
          )}
        </For>
      </ul>
      <Outcome error={errorMessage(sub.error)} notice={sub.result?.notice} />
    </>
  );
}

function ChildRow(props: { campaign: ChildCampaign }) {
  const c = () => props.campaign;
  const pct = (n: number) =>
    c().expected > 0 ? `${Math.min(100, Math.round((n / c().expected) * 100))}%` : "0%";
  const text = () =>
    `${c().confirmed} đã xác nhận, ${c().submitted} đã nộp trên ${c().expected} đảng viên` +
    (c().late ? `, ${c().late} nộp muộn` : "") +
    (c().excused ? `, ${c().excused} được miễn` : "");
  return (
    <li>
      <span class="unit-bar-name">{c().name}</span>
      <Show when={c().directiveName}>
        <span class="cell-note">Theo văn bản “{c().directiveName}”</span>
      </Show>
      <div class="bar" role="img" aria-label={`${c().name}: ${text()}`}>
        <span class="bar-confirmed" style={{ width: pct(c().confirmed) }} />
        <span
          class="bar-submitted"
          style={{ width: pct(Math.max(0, c().submitted - c().confirmed)) }}
        />
      </div>
      <p class="bar-text" aria-hidden="true">
        {text()}
      </p>
      <p class="cell-note">Cập nhật lúc {formatDateTime(c().computedAt)}</p>
    </li>
  );
}

function DirectivesSection(props: { tenant: string; directives: Directive[] | undefined }) {
  const templates = createAsync(() => getTemplateChoices(props.tenant));
  const pub = useSubmission(addDirective);
  const err = (k: string) => fieldError(pub.error, k);
  const own = () => (props.directives ?? []).filter((d) => d.own);
  const parents = () => (props.directives ?? []).filter((d) => !d.own);
  return (
    <section aria-labelledby="directives-title">
      <h2 id="directives-title">Văn bản chỉ đạo</h2>
      <div class="card">
        <h3>Của cấp trên</h3>
        <Show
          when={parents().length > 0}
          fallback={<p class="muted">Chưa có văn bản nào của cấp trên.</p>}
        >
          <ul class="link-list">
            <For each={parents()}>
              {(d) => <ParentDirective tenant={props.tenant} directive={d} />}
            </For>
          </ul>
        </Show>
      </div>

      <div class="card">
        <h3>Đã ban hành cho cấp dưới</h3>
        <Show when={own().length > 0} fallback={<p class="muted">Chưa ban hành văn bản nào.</p>}>
          <ul class="link-list">
            <For each={own()}>
              {(d) => (
                <li>
                  <DirectiveTitle directive={d} />
                  <BehindList tenant={props.tenant} directiveId={d.id} />
                  <DirectiveChart tenant={props.tenant} directiveId={d.id} name={d.name} />
                  <ReportsInbox tenant={props.tenant} directiveId={d.id} admin />
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form action={addDirective.with(props.tenant)} method="post" class="stack">
          <h4>Ban hành văn bản mới</h4>
          <Field id="d-template" label="Mẫu" error={err("templateKey")}>
            <Select name="templateKey">
              <option value="">— Chọn mẫu —</option>
              <For each={templates() ?? []}>
                {(tp) => <option value={tp.key}>{tp.name}</option>}
              </For>
            </Select>
          </Field>
          <Field id="d-name" label="Tên đợt" error={err("name")}>
            <Input name="name" type="text" maxLength={300} />
          </Field>
          <Field id="d-doc" label="Số văn bản (nếu có)" error={err("documentNo")}>
            <Input name="documentNo" type="text" maxLength={100} />
          </Field>
          <div class="grid-2">
            <DayField id="d-start" name="startsOn" label="Ngày bắt đầu" error={err("startsOn")} />
            <DayField
              id="d-due"
              name="dueOn"
              label="Hạn hoàn thành (trước ngày)"
              error={err("dueOn")}
            />
          </div>
          <Submit pending={pub.pending} busy="Đang ban hành…">
            Ban hành
          </Submit>
        </form>
        <Outcome
          error={
            Object.keys((pub.error as { fields?: object } | undefined)?.fields ?? {}).length
              ? ""
              : errorMessage(pub.error)
          }
          notice={pub.result?.notice}
        />
      </div>
    </section>
  );
}

function DayField(props: { id: string; name: string; label: string; error: string }) {
  return (
    <Field id={props.id} label={props.label}>
      <input
        id={props.id}
        name={props.name}
        type="text"
        inputmode="numeric"
        autocomplete="off"
        placeholder="dd/mm/yyyy"
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={`${props.id}-hint ${props.id}-err`}
      />
      <p id={`${props.id}-hint`} class="hint">
        {DAY_HINT}
      </p>
      <p id={`${props.id}-err`} class="field-error">
        {props.error}
      </p>
    </Field>
  );
}

/** A parent's directive with "Áp dụng", which opens the adopt-and-adapt screen. */
function ParentDirective(props: { tenant: string; directive: Directive }) {
  return (
    <li>
      <DirectiveTitle directive={props.directive} />
      <Show when={lockedLine(props.directive.lockedSections)}>
        {(line) => <span class="cell-note">{line()}</span>}
      </Show>
      <A
        class="button small primary"
        href={`/t/${props.tenant}/lien-ket/ap-dung/${props.directive.id}`}
        aria-label={`Áp dụng “${props.directive.name}”`}
      >
        Áp dụng
      </A>
    </li>
  );
}

/** A directive's name, document number and dates. */
function DirectiveTitle(props: { directive: Directive }) {
  return (
    <>
      <strong>{props.directive.name}</strong>
      <span class="cell-note">
        <Show when={props.directive.documentNo}>Số {props.directive.documentNo} · </Show>
        Từ {formatDay(props.directive.startsOn)} đến {formatDay(props.directive.dueOn)}
      </span>
    </>
  );
}
