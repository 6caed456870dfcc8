// The tables of the screens. On a phone a `stacked` table's rows are restyled as blocks
// (screens.css), which makes some browsers drop the implicit table roles: they are explicit
// here, once, for every table. Every table with rows can be saved as an Excel file; the
// writer (lib/xlsx.ts) is loaded on the first click only.
import { For, Show, type JSX } from "solid-js";
import { normaliseSlug } from "../lib/slug";

export function Table<T>(props: {
  columns: readonly JSX.Element[];
  rows: readonly T[] | undefined;
  children: (row: T) => JSX.Element;
  /** On a phone, each row becomes a block. */
  stacked?: boolean;
  class?: string;
  caption?: JSX.Element;
  captionId?: string;
  /** The caption is for screen readers only (the heading above says it already). */
  captionHidden?: boolean;
  /** Wraps the table in a scrolling region labelled by this id. */
  scrollLabel?: string;
}) {
  let el: HTMLTableElement | undefined;
  const table = () => (
    <table
      ref={el}
      class={["table", props.stacked && "stacked", props.class].filter(Boolean).join(" ")}
      role="table"
    >
      <Show when={props.caption}>
        <caption id={props.captionId} class={props.captionHidden ? "visually-hidden" : undefined}>
          {props.caption}
        </caption>
      </Show>
      <thead role="rowgroup">
        <tr role="row">
          <For each={props.columns}>
            {(c) => (
              <th scope="col" role="columnheader">
                {c}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody role="rowgroup">
        <For each={props.rows}>{(r) => props.children(r)}</For>
      </tbody>
    </table>
  );
  return (
    <>
      <Show when={props.scrollLabel} fallback={table()}>
        <div class="table-scroll" role="region" aria-labelledby={props.scrollLabel} tabindex="0">
          {table()}
        </div>
      </Show>
      <Show when={props.rows?.length}>
        <p class="table-export">
          <button
            type="button"
            class="button small"
            aria-describedby={props.captionId ?? props.scrollLabel}
            onClick={() => void saveTable(el)}
          >
            Tải về Excel
          </button>
        </p>
      </Show>
    </>
  );
}

/** The sheet is named after what labels the table: its caption, else the heading it scrolls
 *  under, else the page; the file after the same words and today's date. */
async function saveTable(el: HTMLTableElement | undefined) {
  if (!el) return;
  const region = el.closest("[aria-labelledby]")?.getAttribute("aria-labelledby");
  const title = (
    el.caption?.textContent ||
    (region && document.getElementById(region)?.textContent) ||
    document.title ||
    "Bảng"
  ).trim();
  const day = new Date().toISOString().slice(0, 10);
  const slug =
    normaliseSlug(title)
      .replace(/[^a-z0-9-]+/g, "")
      .slice(0, 60) || "bang";
  const { downloadTable } = await import("../lib/xlsx");
  await downloadTable(el, title, `${slug}-${day}`);
}

export function Row(props: { children: JSX.Element; class?: string }) {
  return (
    <tr role="row" class={props.class}>
      {props.children}
    </tr>
  );
}

/** The cell that names its row. */
export function RowHead(props: { children: JSX.Element; class?: string }) {
  return (
    <th scope="row" role="rowheader" class={props.class}>
      {props.children}
    </th>
  );
}

export function Cell(props: { children?: JSX.Element; class?: string; "data-label"?: string }) {
  return (
    <td role="cell" class={props.class} data-label={props["data-label"]}>
      {props.children}
    </td>
  );
}
