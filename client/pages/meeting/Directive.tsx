// What the directive asks of this meeting, on the secretary's record (issue 10): the agenda
// from the template, each item ticked as covered with who presented it (the compliance mark
// "Thực hiện đủ … nội dung" reads it), the directive's notes, and the materials with links.
import { For, Show } from "solid-js";
import type { Material, MeetingRules } from "../../../schema/template";
import Materials from "../../components/Materials";
import type { MeetingPatch } from "../../api-meetings";
import { TextField } from "./controls";

type Covered = NonNullable<MeetingPatch["agenda"]>;

export default function Directive(props: {
  rules: MeetingRules | undefined;
  materials: readonly Material[] | undefined;
  covered: Covered;
  onAgenda: (next: Covered) => void;
}) {
  const item = (no: number) => props.covered.find((a) => a.no === no);
  const set = (no: number, presenter: string | null | undefined, on: boolean) =>
    props.onAgenda(
      [
        ...props.covered.filter((a) => a.no !== no),
        ...(on ? [{ no, presenter: presenter ?? null }] : []),
      ].sort((a, b) => a.no - b.no),
    );
  return (
    <>
      <Show when={props.rules?.agenda?.length}>
        <section class="card" aria-labelledby="m-agenda">
          <h2 id="m-agenda">Chương trình</h2>
          <ol class="agenda">
            <For each={props.rules!.agenda}>
              {(a, i) => (
                <li>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={!!item(i() + 1)}
                      onChange={(e) =>
                        set(
                          i() + 1,
                          item(i() + 1)?.presenter ?? a.presenter,
                          e.currentTarget.checked,
                        )
                      }
                    />
                    <span>
                      {a.title}
                      <Show when={a.presenter}>
                        <span class="cell-note">Văn bản giao: {a.presenter}</span>
                      </Show>
                    </span>
                  </label>
                  <Show when={item(i() + 1)}>
                    <TextField
                      id={`agenda-${i() + 1}`}
                      label={`Người trình bày nội dung ${i() + 1}`}
                      value={item(i() + 1)?.presenter ?? null}
                      onSave={(v) => set(i() + 1, v, true)}
                    />
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </section>
      </Show>
      <Show when={props.rules?.notes?.length || props.materials?.length}>
        <section class="card guidance" aria-labelledby="m-directive">
          <h2 id="m-directive">Hướng dẫn của văn bản</h2>
          <Show when={props.rules?.notes?.length}>
            <h4>Lưu ý</h4>
            <ul class="notes">
              <For each={props.rules!.notes}>{(n) => <li>{n}</li>}</For>
            </ul>
          </Show>
          <Materials list={props.materials} />
        </section>
      </Show>
    </>
  );
}
