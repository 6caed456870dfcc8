// A member as routing filters see them: an active member of an ordinary cell, with no
// position or management category unless a test gives one.
import type { MemberForMatch } from "../../schema/template";

/** A cell member under `ancestor`, with `over` applied. */
export const memberUnder =
  (ancestor: string) =>
  (over: Partial<MemberForMatch>): MemberForMatch => ({
    status: "dang-sinh-hoat",
    position: null,
    positionCode: null,
    managementCategory: null,
    unit: { kind: "chi-bo", name: "Chi bộ Khu dân cư số 1" },
    ancestorUnitNames: [ancestor],
    ...over,
  });
