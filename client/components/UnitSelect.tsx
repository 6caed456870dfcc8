// A <select> of units, indented by their place in the tree. Options can be left out (a
// unit's own subtree when moving it) and closed units are hidden unless already chosen.
import { createMemo, For, Show } from "solid-js";
import type { Unit } from "../api";
import { unitKindLabel } from "../lib/labels";
import { flatten, type UnitTree } from "../lib/tree";

export default function UnitSelect(props: {
  id: string;
  name: string;
  tree: UnitTree;
  value?: string;
  /** Text of an empty first option; without it a unit must be chosen. */
  emptyLabel?: string;
  exclude?: ReadonlySet<string>;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
  /** For a select that acts at once (a filter) rather than inside a form. */
  onChange?: (unitId: string) => void;
}) {
  const options = createMemo(() =>
    flatten(props.tree).filter(
      ({ unit }) => !props.exclude?.has(unit.id) && (!unit.closedOn || unit.id === props.value),
    ),
  );
  // Options are keyed by unit id, not by object: a refetched tree then keeps the same
  // <option> nodes, and with them whatever the user has chosen.
  const ids = createMemo(() => options().map((o) => o.unit.id));
  const byId = createMemo(() => new Map(options().map((o) => [o.unit.id, o])));
  const label = (u: Unit, level: number) =>
    // Non-breaking spaces: a select drops leading ordinary spaces.
    `${"\u00a0\u00a0\u00a0".repeat(level)}${u.name}${u.closedOn ? " (đã giải thể)" : ""}`;
  return (
    <select
      id={props.id}
      name={props.name}
      required={props.required}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid ? "true" : undefined}
      onChange={(e) => props.onChange?.(e.currentTarget.value)}
    >
      {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
      <For each={ids()}>
        {(id) => {
          const o = () => byId().get(id);
          return (
            <Show when={o()}>
              {(opt) => (
                <option
                  value={id}
                  selected={id === props.value}
                  title={unitKindLabel(opt().unit.kind)}
                >
                  {label(opt().unit, opt().level)}
                </option>
              )}
            </Show>
          );
        }}
      </For>
    </select>
  );
}
