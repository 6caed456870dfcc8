// The one way to declare a closed vocabulary: its Vietnamese labels, as a plain object in the
// order screens list them in, then
//   export const X = vocab(X_LABELS, message)   the valibot picklist of the labels' keys (the
//                                               message is what a wrong value reads), carrying
//                                               the labels, the values and label();
//   export type X = ValueOf<typeof X>           the union of the values;
//   export const XS = keysOf(X_LABELS)          the values, for drizzle enums and lists.
// Both calls are marked pure, and the labels are a plain object, so a client module that takes
// only the labels ships neither the values nor the picklist.
import * as v from "valibot";

type Keys<L> = [keyof L & string, ...(keyof L & string)[]];

export type Vocab<L> = v.PicklistSchema<Keys<L>, string | undefined> & {
  /** Each value's label, in the order of the declaration. */
  readonly labels: L;
  /** The values, in the order of the labels: the order screens list them in. */
  readonly values: Keys<L>;
  label(value: keyof L & string): string;
};

/** The union of a vocabulary's values. */
export type ValueOf<V extends { readonly values: readonly string[] }> = V["values"][number];

/** The labels' keys in their order, typed as a non-empty tuple of the literal values. */
export const keysOf = <L extends Readonly<Record<string, string>>>(labels: L): Keys<L> =>
  Object.keys(labels) as Keys<L>;

export const vocab = <L extends Readonly<Record<string, string>>>(
  labels: L,
  message?: string,
): Vocab<L> => {
  const values = keysOf(labels);
  return Object.assign(v.picklist(values, message), {
    labels,
    values,
    label: (value: keyof L & string) => labels[value] as string,
  });
};
