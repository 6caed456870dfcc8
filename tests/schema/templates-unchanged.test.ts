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
  // 001, the huyện variant and 003 declare each member's year-end input
  // (followUp.yearEndRanking.members, issue 10); the same JSON before and after the sharing.
  "tu-soi-tu-sua-so": "cfddbe3331a4b3d7343cb9e54f6448411c38b84e5d0a51e8794cc982c7a13944",
  "tu-soi-tu-sua-huyen": "d716053ca2adf03ecad1b05251f634081f182fe1950017e1de261ca805602ecb",
  "ct24-sinh-hoat": "50c6fcc952c9e46b7bffac47d85869eef95562e699868e0680fcdd9626f93dc9",
  "dien-dan-chi-bo": "fb7b05053eb14badfd616d6028f7e32891db8aabe509771116a3ca0e2deca583",
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
