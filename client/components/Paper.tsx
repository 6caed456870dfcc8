// The frame of an official paper's print view (the plan, the report upward): the toolbar that
// does not print, and the head in the Party's administrative layout — the issuer top left
// over its star, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date line top right.
import { A } from "@solidjs/router";
import type { JSX } from "solid-js";

export function Paper(props: {
  back: string;
  /** The issuer's lines, top left, above the star. */
  issuer: JSX.Element;
  /** "Long Biên, ngày 05 tháng 3 năm 2026". */
  placeDate: string;
  children: JSX.Element;
}) {
  return (
    <div class="print-view">
      <div class="print-toolbar no-print">
        <A href={props.back}>← Quay lại</A>
        <button type="button" class="button primary" onClick={() => window.print()}>
          In hoặc lưu PDF
        </button>
      </div>
      <main id="main" tabindex="-1" class="sheet">
        <header class="doc-head">
          <div class="doc-issuer">
            {props.issuer}
            <p class="star" aria-hidden="true">
              *
            </p>
          </div>
          <div class="doc-national">
            <p class="party">ĐẢNG CỘNG SẢN VIỆT NAM</p>
            <p class="place-date">{props.placeDate}</p>
          </div>
        </header>
        {props.children}
      </main>
    </div>
  );
}
