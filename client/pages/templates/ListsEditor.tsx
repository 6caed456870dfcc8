// The lists a template's checklists ask about (the 27 expressions…): the directives cite them
// without printing them, so their items are pasted here from the tenant's copy of the source
// document, one per line, each group counted against its size.
import { For, Show } from "solid-js";
import type { TemplateList } from "../../../schema/template";
import { parseItems } from "./templates.data";

export const groupId = (list: string, group: string) => `${list}|${group}`;

/** One textarea per group: "Dán mỗi nội dung một dòng", counted against the group's size. */
export function GroupInputs(props: {
  list: TemplateList;
  texts: Record<string, string>;
  setText: (f: (prev: Record<string, string>) => Record<string, string>) => void;
}) {
  return (
    <For each={props.list.groups}>
      {(g, gi) => {
        const id = () => `items-${props.list.key}-${g.key}`;
        const count = () => parseItems(props.texts[groupId(props.list.key, g.key)] ?? "").length;
        const diff = () => count() - g.expectedCount;
        return (
          <div class="field">
            <label for={id()}>
              <Show when={props.list.groups.length > 1}>Nhóm {gi() + 1}: </Show>
              {g.title}
            </label>
            <p id={`${id()}-hint`} class="hint">
              Dán mỗi nội dung một dòng, đúng như văn bản gốc (số thứ tự ở đầu dòng như “1.” hay
              “1)” được bỏ đi).
            </p>
            <textarea
              id={id()}
              rows={6}
              value={props.texts[groupId(props.list.key, g.key)] ?? ""}
              aria-describedby={`${id()}-hint ${id()}-count`}
              onInput={(e) => {
                const v = e.currentTarget.value;
                props.setText((prev) => ({ ...prev, [groupId(props.list.key, g.key)]: v }));
              }}
            />
            <p
              id={`${id()}-count`}
              class="counter"
              classList={{ ok: diff() === 0, over: diff() > 0 }}
              aria-live="polite"
            >
              {count()}/{g.expectedCount} nội dung
              {diff() < 0 ? ` — còn thiếu ${-diff()}` : diff() > 0 ? ` — thừa ${diff()}` : " — đủ"}
            </p>
          </div>
        );
      }}
    </For>
  );
}

export function ListsSummary(props: { lists: TemplateList[] }) {
  return (
    <Show when={props.lists.length > 0}>
      <section aria-labelledby="tpl-lists">
        <h2 id="tpl-lists">Danh sách được trích dẫn</h2>
        <ul class="link-list">
          <For each={props.lists}>
            {(l) => (
              <li>
                {l.name}: {l.groups.reduce((n, g) => n + g.items.length, 0)}/{l.expectedCount} nội
                dung đã nhập
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
