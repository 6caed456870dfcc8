// /t/:tenant/don-vi/:unitId — one unit's roster: search by name (the server ignores
// diacritics, so "tran" finds "Trần"), filter by status, export, add a member.
import {
  A,
  createAsync,
  useIsRouting,
  useSearchParams,
  type RouteSectionProps,
} from "@solidjs/router";
import { createMemo, createSignal, For, onCleanup, Show, Suspense } from "solid-js";
import { membersExportUrl } from "../../api";
import {
  countLabel,
  MEMBER_STATUS_LABELS,
  memberStatusLabel,
  unitKindLabel,
} from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { ancestors, buildTree } from "../../lib/tree";
import { getUnits } from "../units/units.data";
import { getUnitMembers, rosterFilter } from "./roster.data";
import BulkInvite from "../accounts/BulkInvite";
import "../screens.css";
import { Field, Input, Select } from "../../components/Field";
import { Table, Row, RowHead, Cell } from "../../components/Table";

/** Long enough to type a syllable on a phone, short enough to feel immediate. */
const SEARCH_DELAY_MS = 350;

export default function RosterPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const unitId = () => props.params.unitId ?? "";
  const base = () => `/t/${slug()}`;
  const [, setSearch] = useSearchParams();
  const filter = createMemo(() => rosterFilter(unitId(), props.location.query));
  const units = createAsync(() => getUnits(slug()));
  const tree = createMemo(() => buildTree(units() ?? []));
  const unit = () => tree().byId.get(unitId());
  const members = createAsync(() => getUnitMembers(slug(), filter()));
  const routing = useIsRouting();
  useTitle(() => unit()?.name ?? "Đơn vị");

  // The search box answers as the user types, without a history entry per letter.
  const [text, setText] = createSignal(filter().q ?? "");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const applySearch = (value: string) => {
    clearTimeout(timer);
    setSearch({ q: value.trim() || undefined }, { replace: true, scroll: false });
  };
  const onInput = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => applySearch(value), SEARCH_DELAY_MS);
  };
  onCleanup(() => clearTimeout(timer));

  const children = () => tree().children.get(unitId()) ?? [];
  const filtered = () => !!(filter().q || filter().status);
  const unitName = (id: string) => tree().byId.get(id)?.name ?? "";

  return (
    <Show
      when={unit()}
      fallback={
        <Show when={units()} fallback={<p class="boot">Đang tải…</p>}>
          <h1>Không tìm thấy đơn vị</h1>
          <p>Đơn vị này không có hoặc nằm ngoài phạm vi của bạn.</p>
          <p>
            <A href={`${base()}/don-vi`}>Về cây đơn vị</A>
          </p>
        </Show>
      }
    >
      {(u) => (
        <>
          <nav aria-label="Vị trí" class="crumbs">
            <ol>
              <li>
                <A href={`${base()}/don-vi`} end>
                  Đơn vị
                </A>
              </li>
              <For each={ancestors(tree(), u())}>
                {(a) => (
                  <li>
                    <A href={`${base()}/don-vi/${a.id}`}>{a.name}</A>
                  </li>
                )}
              </For>
            </ol>
          </nav>
          <h1>{u().name}</h1>
          <p class="muted">
            {unitKindLabel(u().kind)} · {countLabel(u().memberCount, "đảng viên")}
          </p>

          <Show when={children().length > 0}>
            <section aria-labelledby="sub-units" class="card">
              <h2 id="sub-units">Đơn vị trực thuộc</h2>
              <ul class="link-list">
                <For each={children()}>
                  {(c) => (
                    <li>
                      <A href={`${base()}/don-vi/${c.id}`}>{c.name}</A>{" "}
                      <span class="muted">({countLabel(c.memberCount, "đảng viên")})</span>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>

          <div class="toolbar">
            <A
              href={`${base()}/dang-vien/moi?don-vi=${encodeURIComponent(u().id)}`}
              class="button small"
            >
              Thêm đảng viên
            </A>
            <a href={membersExportUrl(slug(), "csv", u().id)} download="" class="button small">
              Tải CSV
            </a>
            <a href={membersExportUrl(slug(), "xlsx", u().id)} download="" class="button small">
              Tải Excel
            </a>
          </div>

          <form
            role="search"
            class="filters"
            onSubmit={(e) => {
              e.preventDefault();
              applySearch(text());
            }}
          >
            <Field
              id="roster-q"
              label="Tìm theo họ tên"
              hint="Gõ có dấu hay không dấu đều được, ví dụ: “tran thi”."
            >
              <Input
                type="search"
                value={text()}
                onInput={(e) => onInput(e.currentTarget.value)}
                autocomplete="off"
                spellcheck={false}
                enterkeyhint="search"
              />
            </Field>
            <Field id="roster-status" label="Trạng thái">
              <Select
                onChange={(e) =>
                  setSearch(
                    { "trang-thai": e.currentTarget.value || undefined },
                    { replace: true, scroll: false },
                  )
                }
              >
                <option value="">Tất cả trạng thái</option>
                <For each={Object.entries(MEMBER_STATUS_LABELS)}>
                  {([value, label]) => (
                    <option value={value} selected={filter().status === value}>
                      {label}
                    </option>
                  )}
                </For>
              </Select>
            </Field>
            <Show when={children().length > 0}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={filter().includeSubtree}
                  onChange={(e) =>
                    setSearch(
                      { "truc-thuoc": e.currentTarget.checked ? "1" : undefined },
                      { replace: true, scroll: false },
                    )
                  }
                />
                Gồm cả đảng viên của đơn vị trực thuộc
              </label>
            </Show>
          </form>

          <Suspense fallback={<p class="boot">Đang tải danh sách…</p>}>
            <p role="status" class="muted">
              {routing()
                ? "Đang tìm…"
                : members()
                  ? filtered()
                    ? `Tìm thấy ${countLabel(members()!.length, "đảng viên")}.`
                    : countLabel(members()!.length, "đảng viên") + " trong danh sách."
                  : ""}
            </p>
            <Show
              when={(members()?.length ?? 0) > 0}
              fallback={
                <p class="card">
                  {filtered()
                    ? "Không có đảng viên nào khớp điều kiện tìm."
                    : "Đơn vị chưa có đảng viên nào. Hãy thêm từng người hoặc nhập danh sách từ tệp."}
                </p>
              }
            >
              <Table
                columns={["Họ tên", "Năm sinh", "Chức vụ", "Trạng thái"]}
                rows={members()}
                stacked
                scrollLabel="roster-caption"
                caption={<>Danh sách đảng viên {u().name}</>}
                captionId="roster-caption"
                captionHidden
              >
                {(m) => (
                  <Row>
                    <RowHead>
                      <A href={`${base()}/dang-vien/${m.id}`}>{m.fullName}</A>
                      <Show when={m.unitId !== u().id}>
                        <span class="cell-note">{unitName(m.unitId)}</span>
                      </Show>
                    </RowHead>
                    <Cell>{m.birthYear ?? ""}</Cell>
                    <Cell>{m.position ?? ""}</Cell>
                    <Cell>{memberStatusLabel(m.status)}</Cell>
                  </Row>
                )}
              </Table>
            </Show>
          </Suspense>
          <BulkInvite tenant={slug()} unitId={u().id} place={u().name} />
        </>
      )}
    </Show>
  );
}
