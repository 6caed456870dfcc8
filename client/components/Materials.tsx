// The template's materials list (issue 10: "the materials list, with links"): each title, a
// link where the material carries one (http(s) only, validated in the template language) or
// its title holds one, and the template's note. Shown with each task's guidance and on the
// secretary's meeting record.
import { For, Show } from "solid-js";
import type { Material } from "../../schema/template";

export default function Materials(props: { list: readonly Material[] | undefined }) {
  return (
    <Show when={props.list?.length}>
      <h4>Tài liệu</h4>
      <ul class="materials">
        <For each={props.list}>
          {(mat) => (
            <li>
              <Link text={mat.title} url={mat.url} />
              <Show when={mat.note}>
                <span class="hint"> — {mat.note}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** A material's title, as a link where it has one. */
function Link(props: { text: string; url: string | undefined }) {
  const url = () => props.url ?? /https?:\/\/\S+/.exec(props.text)?.[0];
  return (
    <Show when={url()} fallback={<span>{props.text}</span>}>
      <a href={url()!} target="_blank" rel="noopener noreferrer">
        {props.text}
      </a>
    </Show>
  );
}
