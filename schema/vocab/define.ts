// The one way to declare a closed vocabulary: its Vietnamese labels, as a plain object in the
// order screens list them in, then
//   export const X = vocab(X_LABELS, message)   the valibot picklist of the labels' keys (the
//                                               message is what a wrong value reads);
//   export type X = ValueOf<typeof X>           the union of the values;
//   export const XS = keysOf(X_LABELS)          the values, for drizzle enums and lists.
// Screens read the labels object itself (X_LABELS). Both calls are marked pure, and the labels
// are a plain object, so a client module that takes only the labels ships neither the values
// nor the picklist.
import * as v from "valibot";

type Keys<L> = [keyof L & string, ...(keyof L & string)[]];

type Vocab<L> = v.PicklistSchema<Keys<L>, string | undefined>;

/** The union of a vocabulary's values. */
export type ValueOf<V extends { readonly options: readonly string[] }> = V["options"][number];

/** The labels' keys in their order, typed as a non-empty tuple of the literal values. */
export const keysOf = <L extends Readonly<Record<string, string>>>(labels: L): Keys<L> =>
  Object.keys(labels) as Keys<L>;

export const vocab = <L extends Readonly<Record<string, string>>>(
  labels: L,
  message?: string,
): Vocab<L> => v.picklist(keysOf(labels), message);
