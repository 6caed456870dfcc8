// /t/:tenant/dang-vien/:memberId — one member: the edit form, the status history and the
// account (or an invitation to create one). /t/:tenant/dang-vien/moi?don-vi= adds a member.
import { A, createAsync, revalidate, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import type { MemberDetail, Unit } from "../../api";
import CopyLink from "../../components/CopyLink";
import { errorCode, errorMessage } from "../../lib/errors";
import { formatDateTime, formatDay, memberStatusLabel } from "../../lib/labels";
import { isAdmin } from "../../lib/roles";
import { useTitle } from "../../lib/title";
import { buildTree, type UnitTree } from "../../lib/tree";
import { getMe } from "../shell/shell.data";
import { getUnits } from "../units/units.data";
import MemberForm from "./MemberForm";
import ResetSlip from "../accounts/ResetSlip";
import { addMember, getMemberDetail, inviteMember, saveMember } from "./member.data";
import "../screens.css";
import { Table, Row, Cell } from "../../components/Table";
import { Alert } from "../../components/Alert";
import { onResult } from "../../lib/on-result";

export default function MemberPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const units = createAsync(() => getUnits(slug()));
  const tree = createMemo(() => buildTree(units() ?? []));
  const unitParam = () => {
    const v = props.location.query["don-vi"];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  return (
    <Show
      when={props.params.memberId !== "moi"}
      fallback={<NewMember tenant={slug()} unitParam={unitParam()} tree={tree()} />}
    >
      <EditMember tenant={slug()} memberId={props.params.memberId ?? ""} tree={tree()} />
    </Show>
  );
}

function BackToUnit(props: { tenant: string; unit: Unit | undefined }) {
  return (
    <Show when={props.unit}>
      <p class="back">
        <A href={`/t/${props.tenant}/don-vi/${props.unit!.id}`}>← {props.unit!.name}</A>
      </p>
    </Show>
  );
}

function NewMember(props: { tenant: string; unitParam: string; tree: UnitTree }) {
  const sub = useSubmission(addMember);
  useTitle(() => "Thêm đảng viên");
  return (
    <>
      <BackToUnit tenant={props.tenant} unit={props.tree.byId.get(props.unitParam)} />
      <h1>Thêm đảng viên</h1>
      <MemberForm
        action={addMember.with(props.tenant)}
        tree={props.tree}
        defaultUnitId={props.unitParam || undefined}
        error={sub.error}
        pending={!!sub.pending}
        submitLabel="Thêm đảng viên"
        alert={<Alert>{errorMessage(sub.error)}</Alert>}
      />
    </>
  );
}

function EditMember(props: { tenant: string; memberId: string; tree: UnitTree }) {
  const detail = createAsync(() => getMemberDetail(props.tenant, props.memberId));
  const me = createAsync(() => getMe(props.tenant));
  const sub = useSubmission(saveMember, (input) => input[1] === props.memberId);
  const conflict = () => errorCode(sub.error) === "VERSION_CONFLICT";
  let notice: HTMLParagraphElement | undefined;
  useTitle(() => detail()?.member.fullName ?? "Đảng viên");

  const reload = async () => {
    sub.clear();
    await revalidate(getMemberDetail.keyFor(props.tenant, props.memberId));
  };
  const saved = () => (sub.result ? `Đã lưu lúc ${formatDateTime(sub.result.savedAt)}.` : "");
  // The save rebuilds the form with the new version, and focus with it would fall to the
  // page: put it on the confirmation instead.
  onResult(
    () => sub.result,
    () => queueMicrotask(() => notice?.focus()),
  );

  return (
    <Show when={detail()} fallback={<p class="boot">Đang tải…</p>}>
      {(d) => (
        <>
          <BackToUnit tenant={props.tenant} unit={props.tree.byId.get(d().member.unitId)} />
          <h1>{d().member.fullName}</h1>
          <p ref={notice} role="status" class="notice" tabindex="-1">
            {saved()}
          </p>
          {/* Keyed: a reload or a save brings a new object, and with it a fresh form. */}
          <Show when={d()} keyed>
            {(fresh: MemberDetail) => (
              <MemberForm
                action={saveMember.with(props.tenant, props.memberId)}
                tree={props.tree}
                member={fresh.member}
                error={sub.error}
                pending={!!sub.pending}
                submitLabel="Lưu thay đổi"
                alert={
                  <Alert>
                    {errorMessage(sub.error)}
                    <Show when={conflict()}>
                      <p class="alert-more">
                        Người khác vừa sửa hồ sơ này. Tải lại để xem bản mới nhất; những gì bạn vừa
                        sửa sẽ không được giữ.
                      </p>
                      <button type="button" class="button small" onClick={reload}>
                        Tải lại
                      </button>
                    </Show>
                  </Alert>
                }
              />
            )}
          </Show>

          <Account tenant={props.tenant} detail={d()} admin={isAdmin(me()?.grants ?? [])} />

          <section aria-labelledby="history-title">
            <h2 id="history-title">Lịch sử trạng thái</h2>
            <Show
              when={d().history.length > 0}
              fallback={<p class="muted">Chưa có thay đổi trạng thái nào.</p>}
            >
              <Table
                columns={["Trạng thái", "Từ ngày", "Ghi chú", "Ghi lúc"]}
                rows={d().history}
                scrollLabel="history-title"
              >
                {(h) => (
                  <Row>
                    <Cell>{memberStatusLabel(h.status)}</Cell>
                    <Cell>{formatDay(h.since)}</Cell>
                    <Cell>{h.note ?? ""}</Cell>
                    <Cell>{formatDateTime(h.at)}</Cell>
                  </Row>
                )}
              </Table>
            </Show>
          </section>
        </>
      )}
    </Show>
  );
}

function Account(props: { tenant: string; detail: MemberDetail; admin: boolean }) {
  const sub = useSubmission(inviteMember, (input) => input[1] === props.detail.member.id);
  const email = () => props.detail.member.email ?? "";
  const link = () =>
    sub.result ? `${location.origin}/t/${props.tenant}/nhan-loi-moi#${sub.result.token}` : "";
  return (
    <section aria-labelledby="account-title" class="card">
      <h2 id="account-title">Tài khoản</h2>
      <Show
        when={props.detail.account}
        fallback={
          <>
            <p>Đảng viên này chưa có tài khoản đăng nhập.</p>
            <Show
              when={!sub.result}
              fallback={
                <CopyLink
                  label="Đường dẫn nhận lời mời"
                  url={link()}
                  expiresAt={sub.result!.expiresAt}
                />
              }
            >
              <form
                action={inviteMember.with(
                  props.tenant,
                  props.detail.member.id,
                  email(),
                  props.detail.member.unitId,
                )}
                method="post"
                class="stack"
              >
                <Show when={!email()}>
                  <p class="hint" id="invite-hint">
                    Cần nhập thư điện tử của đảng viên ở trên (rồi lưu) trước khi mời.
                  </p>
                </Show>
                <Alert>{errorMessage(sub.error)}</Alert>
                <button
                  type="submit"
                  class="button"
                  disabled={!email() || sub.pending}
                  aria-describedby={!email() ? "invite-hint" : undefined}
                >
                  {sub.pending ? "Đang tạo lời mời…" : "Mời tạo tài khoản"}
                </button>
              </form>
            </Show>
          </>
        }
      >
        {(a) => (
          <>
            <p>
              {a().email} · <strong>{a().disabled ? "Đã khóa" : "Đang hoạt động"}</strong>
            </p>
            <ResetSlip tenant={props.tenant} memberId={props.detail.member.id} />
            <Show when={props.admin}>
              <p>
                <A href={`/t/${props.tenant}/tai-khoan`}>Quản lý tài khoản và vai trò</A>
              </p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
