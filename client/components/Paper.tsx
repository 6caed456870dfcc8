// One paper in the Party's administrative layout (Hướng dẫn 36-HD/VPTW), shared by every
// print view: the sheet with a toolbar that does not print; the header block (the upper
// body and the issuer top left with the number, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined top
// right with the place and date); and the signature blocks ("T/M CHI BỘ", the position, the
// name under the space for the signature). The A4 page and the type are print.css's.
import { A } from "@solidjs/router";
import { Show, type JSX } from "solid-js";
import type { Issuing } from "../../schema/template";
import { dateLine, upper } from "../lib/paper";
import "../pages/print/print.css";

export function PaperSheet(props: { back: string; children: JSX.Element }) {
  return (
    <div class="print-view">
      <div class="print-toolbar no-print">
        <A href={props.back}>← Quay lại</A>
        <button type="button" class="button primary" onClick={() => window.print()}>
          In hoặc lưu PDF
        </button>
      </div>
      <main id="main" tabindex="-1" class="sheet">
        {props.children}
      </main>
    </div>
  );
}

/** While a paper loads, or when what it prints is not there. */
export function PaperPending(props: { missing: boolean; what: string }) {
  return (
    <main id="main" tabindex="-1" class="page">
      <p class="boot">{props.missing ? `Không tìm thấy ${props.what}.` : "Đang tải bản in…"}</p>
    </main>
  );
}

export function PaperHeader(props: {
  /** The body above the issuer (cấp trên): the đảng bộ, or the cell's parent. */
  superior: string;
  /** The unit that issues the paper, in bold. */
  issuer?: string;
  /** "Số …-BB/CB"; a personal plan has none. */
  number?: string;
  /** The campaign's issuing body and place, read by every paper the same way
   *  (pages/print/papers.data.ts `paperIssuing`): the place of the place-and-date line, and
   *  the body as the issuer of a paper of the đảng bộ itself (a unit with no superior). */
  issuing: Issuing;
  date: string | Date;
}) {
  return (
    <header class="doc-head">
      <div class="doc-issuer">
        <Show when={props.superior}>
          <p>{upper(props.superior)}</p>
        </Show>
        <Show when={props.superior ? props.issuer : props.issuing.body}>
          {(issuer) => <p class="strong">{upper(issuer())}</p>}
        </Show>
        <p class="star" aria-hidden="true">
          *
        </p>
        <Show when={props.number}>
          <p class="doc-number">{props.number}</p>
        </Show>
      </div>
      <div class="doc-national">
        <p class="party">ĐẢNG CỘNG SẢN VIỆT NAM</p>
        <p class="place-date">
          {props.issuing.place}, {dateLine(props.date)}
        </p>
      </div>
    </header>
  );
}

/** A signature block: "T/M CHI BỘ" and the position in bold, the space, the name. */
export function Signature(props: {
  onBehalf?: string;
  title: string;
  name?: string;
  help?: string;
  note?: string;
  /** What is written above the block's titles (the cell's opinion). */
  children?: JSX.Element;
}) {
  return (
    <div class="sig">
      {props.children}
      <Show when={props.onBehalf}>
        <p class="sig-title">{props.onBehalf}</p>
      </Show>
      <p class="sig-title">{upper(props.title)}</p>
      <p class="sig-help">{props.help ?? "(Ký ghi rõ họ tên)"}</p>
      <p class="sig-note">{props.note ?? ""}</p>
      <p class="sig-name">{props.name ?? ""}</p>
    </div>
  );
}
