// Two sessions of one member editing one draft (a phone and a laptop): one save wins, the
// other gets 409 and loses nothing — its text is still the member's to keep, and the winner's
// is stored exactly.
import { describe, expect, it } from "vitest";
import { treeAt, fullPlan000, launchCampaign } from "../support/tree";

describe("concurrent edits of one draft", () => {
  it("lets exactly one of two saves from the same version win", async () => {
    const { api, root } = await treeAt("2026-03-12T02:00:00Z");
    const id = await launchCampaign(api, root.id);
    const path = `/campaigns/${id}/submissions/mine`;
    // Even the very first save can race: one creates the draft, the other is told it is stale.
    const firsts = await Promise.all(
      ["A", "B"].map((x) =>
        api<{ version: number }>("a2", "PUT", path, {
          formKey: "ke-hoach-tu-duong",
          data: { "ho-ten": `Trần Thị Bình ${x}` },
        }),
      ),
    );
    expect(firsts.map((f) => f.status).sort()).toEqual([200, 409]);

    const phone = { ...fullPlan000("Trần Thị Bình"), "khac-phuc": "Viết trên điện thoại." };
    const laptop = { ...fullPlan000("Trần Thị Bình"), "khac-phuc": "Viết trên máy tính." };
    for (let round = 0; round < 10; round++) {
      const version = (await api<{ submission: { version: number } }>("a2", "GET", path)).body
        .submission.version;
      const [a, b] = await Promise.all([
        api<{ version: number }>("a2", "PUT", path, {
          formKey: "ke-hoach-tu-duong",
          data: phone,
          version,
        }),
        api<{ version: number }>("a2", "PUT", path, {
          formKey: "ke-hoach-tu-duong",
          data: laptop,
          version,
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? phone : laptop;
      const stored = (
        await api<{ submission: { version: number; data: unknown } }>("a2", "GET", path)
      ).body.submission;
      expect(stored).toMatchObject({ version: version + 1, data: winner });
    }
    // Every accepted save is kept as a version; nothing was half-written.
    const all = (await api<{ versions: { version: number }[] }>("a2", "GET", path)).body.versions;
    expect(all.map((v) => v.version)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });
});
