// Reads and writes of the unit tree /t/:tenant/don-vi. The unit list is small (hundreds of
// rows at most) and every structure screen needs it, so it is one shared cached read.
import { action, json, query, revalidate } from "@solidjs/router";
import {
  ApiError,
  closeUnit,
  createUnit,
  listUnits,
  updateUnit,
  type Unit,
  type UnitKind,
} from "../../api";
import { DAY_HINT, parseDay } from "../../lib/labels";
import { preloadOf } from "../../lib/preload";

export const getUnits = query((tenant: string): Promise<Unit[]> => listUnits(tenant), "units");

/** Preloads answer their promise: routes.ts runs them late (lazily) and handles failure. */
export const preloadUnits = preloadOf(getUnits, "tenant");

export type UnitOp = "add" | "rename" | "move" | "close";

/**
 * One action for the four admin changes of the tree dialog, told apart by the form's `op`,
 * so the dialog watches one submission. Answers `{op, unit}` (never undefined: the router
 * forgets a submission whose result is empty, and the dialog closes on a result).
 */
export const editUnit = action(async (tenant: string, form: FormData | URLSearchParams) => {
  const op = String(form.get("op") ?? "") as UnitOp;
  const unitId = String(form.get("unitId") ?? "");
  const version = Number(form.get("version"));
  const text = (k: string) => String(form.get(k) ?? "").trim();
  let unit: Unit;
  try {
    unit = await change();
  } catch (e) {
    // Someone else changed the tree: fetch it again so that a retry sends the new version.
    if (e instanceof ApiError && e.status === 409) void revalidate(getUnits.key);
    throw e;
  }
  // The tree and member counts change; rosters keep their members.
  return json({ op, unit }, { revalidate: [getUnits.key] });

  function change(): Promise<Unit> {
    switch (op) {
      case "add": {
        const parentId = text("parentId");
        return createUnit(tenant, {
          name: text("name"),
          kind: text("kind") as UnitKind,
          ...(parentId ? { parentId } : {}),
        });
      }
      case "rename":
        return updateUnit(tenant, unitId, { name: text("name"), version });
      case "move":
        return updateUnit(tenant, unitId, { parentId: text("parentId"), version });
      case "close": {
        const closedOn = parseDay(text("closedOn"));
        if (!closedOn) {
          return Promise.reject(
            new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", {
              closedOn: `Ngày không hợp lệ. ${DAY_HINT}`,
            }),
          );
        }
        return closeUnit(tenant, unitId, closedOn);
      }
      default:
        return Promise.reject(new Error("Thao tác không hợp lệ."));
    }
  }
}, "edit-unit");
