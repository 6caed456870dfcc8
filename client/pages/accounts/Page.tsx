// /t/:tenant/tai-khoan — the admin's accounts screen: who can sign in, with which roles and
// where; lock and unlock; a one-time link to reset a password; invitations to new people.
// Lists are cards rather than tables: each account carries several controls, and on a
// 390 px phone a card keeps them reachable without sideways scrolling.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { Role } from "../../api";
import type { Account, Invitation } from "../../api-admin";
import CopyLink from "../../components/CopyLink";
import UnitSelect from "../../components/UnitSelect";
import BulkInvite from "./BulkInvite";
import { errorText } from "../../lib/errors";
import { ROLE_LABELS, roleLabel } from "../../lib/format";
import { countLabel, foldText, formatDateTime } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { buildTree, type UnitTree } from "../../lib/tree";
import { getUnits } from "../units/units.data";
import {
  getAccounts,
  getInvitations,
  grantRole,
  invite,
  makeResetLink,
  revokeInvite,
  revokeRole,
  setAccountDisabled,
} from "./accounts.data";
import "../screens.css";
import { Field, Input, SelectField } from "../../components/Field";
import { Alert } from "../../components/Alert";
import { AsyncList } from "../../components/AsyncList";
import { Submit } from "../../components/Submit";

export default function AccountsPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const accounts = createAsync(() => getAccounts(slug()));
  const invitations = createAsync(() => getInvitations(slug()));
  const units = createAsync(() => getUnits(slug()));
  const tree = createMemo(() => buildTree(units() ?? []));
  const [filter, setFilter] = createSignal("");
  const shown = () => {
    const f = foldText(filter());
    const list = accounts() ?? [];
    return f ? list.filter((a) => foldText(`${a.fullName} ${a.email}`).includes(f)) : list;
  };
  useTitle(() => "Tài khoản");

  return (
    <>
      <h1>Tài khoản</h1>
      <InviteForm tenant={slug()} tree={tree()} />
      <BulkInvite tenant={slug()} place="đảng bộ" />

      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">
          Tài khoản <Show when={accounts()}>({accounts()!.length})</Show>
        </h2>
        <Field id="account-filter" label="Lọc theo tên hoặc thư điện tử">
          <Input
            type="search"
            autocomplete="off"
            value={filter()}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </Field>
        <Show when={accounts()} fallback={<p class="boot">Đang tải…</p>}>
          <p role="status" class="muted">
            {filter() ? `Khớp ${countLabel(shown().length, "tài khoản")}.` : ""}
          </p>
          <ul class="cards">
            <For each={shown()}>
              {(a) => <AccountCard tenant={slug()} account={a} tree={tree()} />}
            </For>
          </ul>
        </Show>
      </section>

      <section aria-labelledby="invites-title">
        <h2 id="invites-title">Lời mời</h2>
        <AsyncList
          items={invitations()}
          empty="Chưa có lời mời nào."
          emptyClass="muted"
          class="cards"
        >
          {(i) => <InvitationCard tenant={slug()} invitation={i} tree={tree()} />}
        </AsyncList>
      </section>
    </>
  );
}

const ROLE_OPTIONS = Object.entries(ROLE_LABELS) as [Role, string][];

function grantPlace(tree: UnitTree, unitId: string | null): string {
  if (!unitId) return "toàn đảng bộ";
  return tree.byId.get(unitId)?.name ?? "đơn vị không còn thấy";
}

function InviteForm(props: { tenant: string; tree: UnitTree }) {
  const sub = useSubmission(invite);
  const link = () =>
    sub.result ? `${location.origin}/t/${props.tenant}/nhan-loi-moi#${sub.result.token}` : "";
  return (
    <section aria-labelledby="invite-title" class="card">
      <h2 id="invite-title">Mời người dùng mới</h2>
      <form action={invite.with(props.tenant)} method="post" class="stack">
        <Field id="inv-email" label="Thư điện tử">
          <Input
            name="email"
            type="email"
            inputmode="email"
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            required
          />
        </Field>
        <div class="grid-2">
          <SelectField
            id="inv-role"
            label="Vai trò"
            name="role"
            options={ROLE_OPTIONS}
            selected="member"
          />
          <Field id="inv-unit" label="Đơn vị">
            <UnitSelect
              id="inv-unit"
              name="unitId"
              tree={props.tree}
              emptyLabel="Toàn đảng bộ"
              describedBy="inv-unit-hint"
            />
          </Field>
        </div>
        <p id="inv-unit-hint" class="hint">
          Vai trò áp dụng cho đơn vị được chọn và mọi đơn vị trực thuộc. “Toàn đảng bộ” dành cho
          Quản trị.
        </p>
        <Alert>{errorText(sub.error)}</Alert>
        <Submit pending={sub.pending} busy="Đang tạo…">
          Tạo lời mời
        </Submit>
      </form>
      <Show when={sub.result}>
        <CopyLink
          label={`Đường dẫn nhận lời mời cho ${sub.result!.email}`}
          url={link()}
          expiresAt={sub.result!.expiresAt}
        />
      </Show>
    </section>
  );
}

function AccountCard(props: { tenant: string; account: Account; tree: UnitTree }) {
  const mine = (input: unknown[]) => input[1] === props.account.id;
  const toggle = useSubmission(setAccountDisabled, mine);
  const reset = useSubmission(makeResetLink, mine);
  const grant = useSubmission(grantRole, mine);
  const revoke = useSubmission(revokeRole, mine);
  const headingId = () => `acc-${props.account.id}`;
  const disabled = () => props.account.disabledAt !== null;
  const resetUrl = () =>
    reset.result
      ? `${location.origin}/t/${props.tenant}/dat-lai-mat-khau#${reset.result.token}`
      : "";
  return (
    <li class="card">
      <h3 id={headingId()}>{props.account.fullName}</h3>
      <p class="muted break">
        {props.account.email} ·{" "}
        <strong classList={{ danger: disabled() }}>
          {disabled()
            ? `Đã khóa từ ${formatDateTime(props.account.disabledAt!)}`
            : "Đang hoạt động"}
        </strong>
        <Show when={props.account.memberId}>
          {" · "}
          <A href={`/t/${props.tenant}/dang-vien/${props.account.memberId}`}>Hồ sơ đảng viên</A>
        </Show>
      </p>

      <h4>Vai trò</h4>
      <Show
        when={props.account.grants.length > 0}
        fallback={
          <p class="muted">Chưa có vai trò nào: người này đăng nhập được nhưng không thấy gì.</p>
        }
      >
        <ul class="grants">
          <For each={props.account.grants}>
            {(g) => (
              <li>
                <span>
                  {roleLabel(g.role)} · {grantPlace(props.tree, g.unitId)}
                </span>
                <form action={revokeRole.with(props.tenant, props.account.id, g.id)} method="post">
                  <button
                    type="submit"
                    class="button small"
                    onClick={(e) => {
                      const what = `${roleLabel(g.role)} (${grantPlace(props.tree, g.unitId)})`;
                      if (!confirm(`Bỏ vai trò ${what} của ${props.account.fullName}?`)) {
                        e.preventDefault();
                      }
                    }}
                    aria-label={`Bỏ vai trò ${roleLabel(g.role)} (${grantPlace(props.tree, g.unitId)}) của ${props.account.fullName}`}
                  >
                    Bỏ
                  </button>
                </form>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Alert>{errorText(revoke.error)}</Alert>

      <details class="add-grant">
        <summary>Thêm vai trò</summary>
        <form action={grantRole.with(props.tenant, props.account.id)} method="post" class="stack">
          <div class="grid-2">
            <div class="field">
              <label for={`g-role-${props.account.id}`}>Vai trò</label>
              <select id={`g-role-${props.account.id}`} name="role">
                <For each={ROLE_OPTIONS}>
                  {([value, label]) => <option value={value}>{label}</option>}
                </For>
              </select>
            </div>
            <div class="field">
              <label for={`g-unit-${props.account.id}`}>Đơn vị</label>
              <UnitSelect
                id={`g-unit-${props.account.id}`}
                name="unitId"
                tree={props.tree}
                emptyLabel="Toàn đảng bộ"
              />
            </div>
          </div>
          <Alert>{errorText(grant.error)}</Alert>
          <Submit pending={grant.pending} busy="Đang thêm…" class="button">
            Thêm vai trò
          </Submit>
        </form>
      </details>

      <div class="actions">
        <form
          action={setAccountDisabled.with(props.tenant, props.account.id, !disabled())}
          method="post"
        >
          <button
            type="submit"
            class="button small"
            disabled={toggle.pending}
            onClick={(e) => {
              const ask = `Khóa tài khoản của ${props.account.fullName}? Người này sẽ không đăng nhập được cho đến khi được mở khóa.`;
              if (!disabled() && !confirm(ask)) e.preventDefault();
            }}
          >
            {disabled() ? "Mở khóa" : "Khóa tài khoản"}
          </button>
        </form>
        <form action={makeResetLink.with(props.tenant, props.account.id)} method="post">
          <Submit pending={reset.pending} class="button small">
            Tạo đường dẫn đặt lại mật khẩu
          </Submit>
        </form>
      </div>
      <Alert>{errorText(toggle.error ?? reset.error)}</Alert>
      <Show when={reset.result}>
        <CopyLink
          label={`Đường dẫn đặt lại mật khẩu cho ${props.account.fullName}`}
          url={resetUrl()}
          expiresAt={reset.result!.expiresAt}
        />
      </Show>
    </li>
  );
}

function invitationState(i: Invitation): { text: string; pending: boolean } {
  if (i.acceptedAt) return { text: `Đã nhận lúc ${formatDateTime(i.acceptedAt)}`, pending: false };
  if (i.revokedAt) return { text: `Đã thu hồi lúc ${formatDateTime(i.revokedAt)}`, pending: false };
  if (new Date(i.expiresAt).getTime() < Date.now()) {
    return { text: `Hết hạn từ ${formatDateTime(i.expiresAt)}`, pending: false };
  }
  return { text: `Đang chờ, hết hạn ${formatDateTime(i.expiresAt)}`, pending: true };
}

function InvitationCard(props: { tenant: string; invitation: Invitation; tree: UnitTree }) {
  const sub = useSubmission(revokeInvite, (input) => input[1] === props.invitation.id);
  const state = () => invitationState(props.invitation);
  return (
    <li class="card">
      <p class="break">
        <strong>{props.invitation.email}</strong>
      </p>
      <p class="muted">
        {roleLabel(props.invitation.role ?? "")} · {grantPlace(props.tree, props.invitation.unitId)}
        <br />
        {state().text}
      </p>
      <Show when={state().pending}>
        <form action={revokeInvite.with(props.tenant, props.invitation.id)} method="post">
          <button
            type="submit"
            class="button small"
            disabled={sub.pending}
            aria-label={`Thu hồi lời mời gửi ${props.invitation.email}`}
          >
            Thu hồi
          </button>
        </form>
      </Show>
      <Alert>{errorText(sub.error)}</Alert>
    </li>
  );
}
