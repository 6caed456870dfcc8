// A list read from the server, as the list screens show one: "Đang tải…" until it comes, a
// card saying so when it is empty, and otherwise its items in a <ul>.
import { For, Show, type JSX } from "solid-js";

export function AsyncList<T>(props: {
  /** undefined while loading. */
  items: readonly T[] | undefined;
  /** What the empty card says. */
  empty: string;
  /** The empty note's class: "card" unless given. */
  emptyClass?: string;
  /** The <ul>'s class. */
  class: string;
  children: (item: T) => JSX.Element;
}) {
  return (
    <Show when={props.items} fallback={<p class="boot">Đang tải…</p>}>
      {(list) => (
        <Show
          when={list().length > 0}
          fallback={<p class={props.emptyClass ?? "card"}>{props.empty}</p>}
        >
          <ul class={props.class}>
            <For each={list()}>{(item) => props.children(item)}</For>
          </ul>
        </Show>
      )}
    </Show>
  );
}
