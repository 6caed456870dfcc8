// Stored figures rebuilt over several pages (issue 13's heap: a page of units, not the
// tenant): a test that calls this has every rebuild of its own run `units` units a page, and
// the setting goes back when the test ends.
import { onTestFinished } from "vitest";
import { rebuildPage } from "../../worker/data/progress-rebuild";

export function rebuildInPagesOf(units: number) {
  const before = rebuildPage.units;
  rebuildPage.units = units;
  onTestFinished(() => void (rebuildPage.units = before));
}
