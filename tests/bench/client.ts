// `client.js.initial`: KiB of gzip script a member's phone downloads before its first screen
// (the module scripts and module preloads index.html names), from the built client in
// dist/client (`npm run build:client` first). Issue 12's goal: under 40. Also the service
// worker's own size, fetched once after the first load.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const dist = new URL("../../dist/client/", import.meta.url);

const gzipKiB = (path: string) =>
  gzipSync(readFileSync(new URL(path.replace(/^\//, ""), dist))).length / 1024;
const round = (n: number) => Math.round(n * 100) / 100;

export async function benchClient(): Promise<Record<string, unknown>[]> {
  if (!existsSync(new URL("index.html", dist))) {
    throw new Error("dist/client is missing: run `npm run build:client` first");
  }
  const html = readFileSync(new URL("index.html", dist), "utf8");
  const scripts = [
    ...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g),
  ].map((m) => m[1]!);
  const initial = scripts.reduce((sum, s) => sum + gzipKiB(s), 0);
  return [
    { name: "client.js.initial", value: round(initial), unit: "KiB", files: scripts.length },
    { name: "client.sw.gzip", value: round(gzipKiB("sw.js")), unit: "KiB" },
  ];
}
