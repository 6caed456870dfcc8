// The one way to declare a closed vocabulary: its Vietnamese labels, in the order screens list
// them in. `vocab(labels, message)` is the valibot picklist of the labels' keys (the message is
// what a wrong value reads), carrying the labels, the values and `label()`; the union type is
// `ValueOf<typeof X>`. The drizzle columns take `X.values` as their enum.
import * as v from "valibot";

export type Vocab<K extends string, L = Readonly<Record<K, string>>> = v.PicklistSchema<
  [K, ...K[]],
  string | undefined
> & {
  /** Each value's label, in the order of the declaration. */
  readonly labels: L;
  /** The values, in the order of the labels: the order screens list them in. */
  readonly values: [K, ...K[]];
  label(value: K): string;
};

/** The union of a vocabulary's values. */
export type ValueOf<V extends { readonly values: readonly string[] }> = V["values"][number];

export const vocab = <const L extends Readonly<Record<string, string>>>(
  labels: L,
  message?: string,
): Vocab<keyof L & string, L> => {
  const values = Object.keys(labels) as [keyof L & string, ...(keyof L & string)[]];
  return Object.assign(v.picklist(values, message), {
    labels,
    values,
    label: (value: keyof L & string) => labels[value] as string,
  });
};
