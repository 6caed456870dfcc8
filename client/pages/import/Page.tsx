// /t/:tenant/nhap-danh-sach — load a roster from a .csv or .xlsx file. The file is always
// checked first (a dry run: the server validates every line and changes nothing); "Nhập"
// appears only once that check passed for the very file now chosen. A file with any error
// imports nothing, so a half-loaded roster cannot happen.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { createMemo, createSignal, For, onCleanup, Show, type JSX } from "solid-js";
import { errorText } from "../../lib/errors";
import { countLabel, MEMBER_STATUS_LABELS } from "../../lib/labels";

const STATUSES = Object.entries(MEMBER_STATUS_LABELS);
import { useTitle } from "../../lib/title";
import { getUnits } from "../units/units.data";
import { fileKey, importRoster, type ImportOutcome } from "./import.data";
import "../screens.css";
import { Field, Input } from "../../components/Field";
import { Cell, Row, Table } from "../../components/Table";
import { Alert } from "../../components/Alert";
import { OPTIONAL_ROSTER_COLUMNS, ROSTER_COLUMNS } from "../../../schema/rules/roster-columns";
import { UploadForm } from "../../components/UploadForm";

const HEADER = [...ROSTER_COLUMNS, ...OPTIONAL_ROSTER_COLUMNS];

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A small sample in the tenant's own unit names, so it imports as it is. */
function sampleCsv(unitName: string): string {
  const rows = [
    HEADER,
    [
      "Nguyễn Văn An",
      "1975",
      "an.nguyen@example.vn",
      unitName,
      "Bí thư chi bộ",
      "dang-sinh-hoat",
      "",
      "0912345678",
      "co",
      "",
    ],
    ["Trần Thị Bình", "1990", "", unitName, "", "dang-sinh-hoat", "", "", "", ""],
    ["Lê Văn Cường", "1942", "", unitName, "", "tuoi-cao-benh", "", "", "", "01/01/2024"],
  ];
  // The BOM lets Excel on Windows open the file as UTF-8, with its diacritics intact.
  return "\ufeff" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export default function ImportPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const units = createAsync(() => getUnits(slug()));
  const sub = useSubmission(importRoster);
  const [current, setCurrent] = createSignal("");
  useTitle(() => "Nhập danh sách");

  const sampleUnit = () => {
    const list = (units() ?? []).filter((u) => !u.closedOn);
    return (list.find((u) => u.kind === "chi-bo") ?? list[0])?.name ?? "Chi bộ Khu dân cư số 1";
  };
  const sampleUrl = createMemo(() => {
    const url = URL.createObjectURL(new Blob([sampleCsv(sampleUnit())], { type: "text/csv" }));
    onCleanup(() => URL.revokeObjectURL(url));
    return url;
  });

  /** The last answer, only while it belongs to the file now chosen. */
  const outcome = (): ImportOutcome | undefined => {
    const r = sub.result;
    return r && r.fileKey === current() ? r : undefined;
  };
  const errors = () => outcome()?.result.errors ?? [];
  const ready = () => {
    const o = outcome();
    return !!o && o.mode === "check" && o.result.errors.length === 0;
  };
  const imported = () => {
    const o = outcome();
    return !!o && o.mode === "import" && o.result.errors.length === 0;
  };
  const nothingNew = () => {
    const r = outcome()?.result;
    return !!r && r.created + r.updated === 0;
  };
  const summary = () => {
    const r = outcome()?.result;
    if (!r) return "";
    const parts = [`${r.created} mới`, `${r.updated} cập nhật`];
    if (r.unchanged) parts.push(`${r.unchanged} không đổi`);
    return parts.join(", ");
  };

  /** The file's columns and what each holds, for the help table. */
  const columns: [string, JSX.Element][] = [
    ["ho_ten", "Họ và tên (bắt buộc)."],
    ["nam_sinh", "Năm sinh, 4 chữ số, ví dụ 1975."],
    ["email", "Thư điện tử, có thể để trống."],
    ["don_vi", <>Tên đơn vị đúng như trong cây đơn vị (bắt buộc), ví dụ “{sampleUnit()}”.</>],
    ["chuc_vu", "Chức vụ, có thể để trống."],
    [
      "trang_thai",
      <>
        Để trống là <code>dang-sinh-hoat</code>. Một trong:{" "}
        <For each={STATUSES}>
          {([code, label], i) => (
            <>
              {i() > 0 && "; "}
              <code>{code}</code> ({label})
            </>
          )}
        </For>
        .
      </>,
    ],
    [
      "dien_quan_ly",
      <>
        <code>co</code> nếu thuộc diện Ban Thường vụ quản lý; để trống nếu không.
      </>,
    ],
    ["so_dien_thoai", "Không bắt buộc: số điện thoại."],
    [
      "dang_cong_khai",
      <>
        Không bắt buộc: <code>co</code> nếu phải công khai kế hoạch.
      </>,
    ],
    ["ngay_trang_thai", "Không bắt buộc: ngày bắt đầu trạng thái, dạng 31/01/2024."],
  ];

  return (
    <>
      <h1>Nhập danh sách đảng viên</h1>
      <p>
        Nhập cả danh sách từ một tệp Excel (.xlsx) hoặc CSV. Tệp được kiểm tra trước; chỉ khi không
        còn lỗi nào mới nhập. Người đã có trong danh sách (cùng thư điện tử, hoặc cùng họ tên, năm
        sinh và đơn vị) được cập nhật, không bị nhân đôi.
      </p>

      <details class="card help">
        <summary>Cách chuẩn bị tệp</summary>
        <p>Dòng đầu tiên là tên các cột, đúng như dưới đây. Mỗi dòng sau là một đảng viên.</p>
        <div class="table-scroll" role="region" aria-label="Các cột của tệp" tabindex="0">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Cột</th>
                <th scope="col">Nội dung</th>
              </tr>
            </thead>
            <tbody>
              <For each={columns}>
                {([name, text]) => (
                  <tr>
                    <th scope="row">
                      <code>{name}</code>
                    </th>
                    <td>{text}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <p>
          <a href={sampleUrl()} download="mau-danh-sach-dang-vien.csv" class="button small">
            Tải tệp mẫu (CSV)
          </a>
        </p>
      </details>

      <UploadForm action={importRoster.with(slug())}>
        <Field
          id="import-file"
          label="Tệp danh sách (.csv hoặc .xlsx)"
          hint="Tối đa 16 MB (khoảng 20.000 dòng)."
        >
          <Input
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              setCurrent(f ? fileKey(f) : "");
            }}
          />
        </Field>

        <Alert>{errorText(sub.error)}</Alert>

        <div role="status" class="result">
          <Show when={sub.pending}>
            <p>
              {sub.input?.[1] instanceof FormData && sub.input[1].get("mode") === "import"
                ? "Đang nhập…"
                : "Đang kiểm tra tệp…"}
            </p>
          </Show>
          <Show when={!sub.pending && ready()}>
            <p class="ok">
              <Show
                when={!nothingNew()}
                fallback={<>Tệp hợp lệ nhưng không có gì mới để nhập ({summary()}).</>}
              >
                Sẵn sàng nhập: {summary()}.
              </Show>
            </p>
          </Show>
          <Show when={!sub.pending && imported()}>
            <p class="ok">Đã nhập xong: {summary()}.</p>
          </Show>
          <Show when={!sub.pending && errors().length > 0}>
            <p class="error-summary">
              Tệp có {countLabel(errors().length, "lỗi")}, chưa nhập gì. Hãy sửa các dòng dưới đây
              trong tệp, lưu lại, chọn lại tệp rồi kiểm tra lần nữa.
            </p>
          </Show>
        </div>

        <Show when={!sub.pending && errors().length > 0}>
          <Table
            columns={["Dòng", "Lỗi"]}
            rows={errors()}
            scrollLabel="import-errors"
            caption={<>Các lỗi trong tệp {outcome()?.fileName}</>}
            captionId="import-errors"
          >
            {(e) => (
              <Row>
                <Cell class="num">{e.line}</Cell>
                <Cell>{e.message}</Cell>
              </Row>
            )}
          </Table>
        </Show>

        <div class="actions">
          <Show when={!imported()}>
            <button
              type="submit"
              name="mode"
              value="check"
              class="button"
              classList={{ primary: !ready() }}
              disabled={sub.pending}
            >
              {outcome() ? "Kiểm tra lại" : "Kiểm tra tệp"}
            </button>
          </Show>
          <Show when={ready() && !nothingNew()}>
            <button
              type="submit"
              name="mode"
              value="import"
              class="button primary"
              disabled={sub.pending}
            >
              Nhập
            </button>
          </Show>
        </div>
        <Show when={imported()}>
          <p>
            <A href={`/t/${slug()}/don-vi`}>Xem cây đơn vị</A>
          </p>
        </Show>
      </UploadForm>
    </>
  );
}
