// `npm run fidelity`: for each built-in template, how many of its steps and rules the engine
// enforces or measures (value) out of all it states (baseline), one JSON line per template,
// computed from the template and the engine's registry of what it reads
// (worker/domain/fidelity.ts). `--items` lists each item with the module that reads it.
import { builtInTemplates } from "../../schema/templates";
import { fidelityItems, fidelityLine } from "../../worker/domain/fidelity";

const verbose = process.argv.includes("--items");
for (const def of builtInTemplates) {
  console.log(JSON.stringify(fidelityLine(def)));
  if (verbose)
    for (const i of fidelityItems(def))
      console.log(
        `  ${i.enforced ? "✓" : "·"} ${i.what}${i.by ? `  (${i.shown ? "shown: " : ""}${i.by})` : ""}`,
      );
}
