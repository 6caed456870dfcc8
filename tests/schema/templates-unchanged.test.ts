/**
 * The built-in templates are data a tenant's campaigns were cloned from: sharing their common
 * parts between modules must not change one byte of what they build. Each built-in's JSON is
 * pinned by its SHA-256, taken from main before the parts were shared (issue 9). A deliberate
 * change to a built-in updates its line here, in the same commit, with the reason.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { builtInTemplates } from "../../schema/templates";

const PINNED: Record<string, string> = {
  "tu-soi-tu-sua": "0c7aa147ff4bf7cf4c5d7ed425fdcdf49f9638bda7b287df96d80ad79b2cd93d",
  "tu-soi-tu-sua-so": "7b43803f15cdab546517f11e567df566c2d0838640f8f97d291f10a0eae8cc34",
  "tu-soi-tu-sua-huyen": "1fc9b0ce70b2e1f34b8c83b6b1bfe264f6f07e6e05a00fc30bdab77e2328fcad",
  "ct24-sinh-hoat": "50c6fcc952c9e46b7bffac47d85869eef95562e699868e0680fcdd9626f93dc9",
  "dien-dan-chi-bo": "5876e0e1955ce5a4a58320a88da9818a35785dd6435bf6722ab9f40c08df648b",
};

describe("the built-in templates", () => {
  it("are exactly the ones pinned, and no other", () => {
    expect(builtInTemplates.map((t) => t.key).sort()).toEqual(Object.keys(PINNED).sort());
  });

  it.each(Object.entries(PINNED))("%s builds byte for byte the JSON pinned", (key, hash) => {
    const def = builtInTemplates.find((t) => t.key === key);
    expect(createHash("sha256").update(JSON.stringify(def)).digest("hex")).toBe(hash);
  });
});
