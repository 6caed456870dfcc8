// Build-time only (runs in Vite, ships nothing of itself): writes the service worker
// (/sw.js, from ./service-worker.ts with the list of files it keeps), the web app manifest
// (/manifest.webmanifest) and its two PNG icons into dist/client.
//
// The worker keeps what a member needs offline, not every chunk: the entry (the shell, the
// home screen and the task list) and the plan form's chunks, with what they import and their
// CSS, read from this build's chunk graph. Admin and secretary screens are fetched when
// someone opens them (./service-worker.ts).
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { transformSync } from "esbuild";
import type { Plugin, Rollup } from "vite";
// The archive's CRC-32 (PNG chunks use the same one); build time only, as in vite.config.ts.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { crc32 } from "../../worker/data/archive/zip";

/** The party red of the pages (index.html's theme-color) and the star's yellow. */
export const THEME_COLOR = "#a50e0e";
const RED = [0xa5, 0x0e, 0x0e] as const;
const YELLOW = [0xff, 0xd7, 0x00] as const;
export const ICON_SIZES = [192, 512] as const;

export const MANIFEST = {
  name: "Sinh hoạt chính trị",
  short_name: "Sinh hoạt",
  description: "Tổ chức đợt sinh hoạt chính trị cho đảng bộ và chi bộ.",
  lang: "vi",
  dir: "ltr",
  start_url: "/",
  scope: "/",
  display: "standalone",
  background_color: "#ffffff",
  theme_color: THEME_COLOR,
  icons: ICON_SIZES.map((s) => ({
    src: `/icon-${s}.png`,
    sizes: `${s}x${s}`,
    type: "image/png",
    purpose: "any maskable",
  })),
};

/** The lazy modules on a member's path besides the entry: the plan form and its reads, and the
 *  task list's lazy parts (step guidance, acknowledgement, year-end input; a unit test holds
 *  this list to every lazy import of the task list). */
export const MEMBER_MODULES = [
  "client/pages/plan/Page.tsx",
  "client/pages/plan/plan.data.ts",
  "client/pages/tasks/TaskGuidance.tsx",
  "client/pages/tasks/Acknowledge.tsx",
  "client/pages/follow-ups/YearEndForm.tsx",
];

/**
 * The build files a member needs offline: the entry chunk and the chunks made for
 * `memberModules`, each with every chunk it imports statically (recursively) and its CSS.
 * Dynamic imports are not followed: those are the other screens, fetched on demand.
 */
export function memberFiles(
  bundle: Rollup.OutputBundle,
  memberModules: readonly string[] = MEMBER_MODULES,
): string[] {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const isMember = (c: Rollup.OutputChunk) =>
    c.isEntry ||
    c.moduleIds.some((id) => memberModules.some((m) => id.replace(/\\/g, "/").endsWith(m)));
  const keep = new Set<string>();
  const visit = (c: Rollup.OutputChunk | undefined) => {
    if (!c || keep.has(c.fileName)) return;
    keep.add(c.fileName);
    for (const f of cssOf(c)) keep.add(f);
    for (const f of c.imports) visit(byFile.get(f));
  };
  for (const c of chunks) if (isMember(c)) visit(c);
  // CSS that no chunk names (the entry's, emitted by index.html) belongs to the shell.
  for (const [f, a] of Object.entries(bundle))
    if (a.type === "asset" && f.endsWith(".css") && !chunks.some((c) => cssOf(c).has(f)))
      keep.add(f);
  return [...keep].sort();
}

const cssOf = (c: Rollup.OutputChunk) =>
  (c as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata?.importedCss ??
  new Set<string>();

export function serviceWorkerPlugin(): Plugin {
  return {
    name: "service-worker",
    apply: "build",
    // After Vite's own generateBundle, which drops the chunks that held only CSS.
    enforce: "post",
    generateBundle(_options, bundle) {
      for (const s of ICON_SIZES) {
        this.emitFile({ type: "asset", fileName: `icon-${s}.png`, source: starIcon(s) });
      }
      this.emitFile({
        type: "asset",
        fileName: "manifest.webmanifest",
        source: JSON.stringify(MANIFEST, null, 2) + "\n",
      });
      const files = memberFiles(bundle);
      const shell = [
        ...files.map((f) => `/${f}`),
        "/manifest.webmanifest",
        ...ICON_SIZES.map((s) => `/icon-${s}.png`),
      ];
      const build = createHash("sha256").update(shell.join("\n")).digest("hex").slice(0, 12);
      const source = readFileSync(new URL("./service-worker.ts", import.meta.url), "utf8");
      const { code } = transformSync(source, { loader: "ts", target: "es2020", minify: true });
      this.emitFile({
        type: "asset",
        fileName: "sw.js",
        source: code
          .replace(/__SHELL__/g, JSON.stringify(shell))
          .replace(/__BUILD__/g, JSON.stringify(build)),
      });
    },
  };
}

/** A red square with a five-pointed yellow star, as a PNG (RGB, 8 bits). */
export function starIcon(size: number): Uint8Array {
  const c = size / 2;
  const outer = size * 0.36;
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 ? inner : outer;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([c + r * Math.cos(a), c + r * Math.sin(a)]);
  }
  const row = 1 + size * 3;
  const raw = Buffer.alloc(row * size);
  for (let y = 0; y < size; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = inside(points, x + 0.5, y + 0.5) ? YELLOW : RED;
      raw.set([r, g, b], y * row + 1 + x * 3);
    }
  }
  const head = Buffer.alloc(13);
  head.writeUInt32BE(size, 0);
  head.writeUInt32BE(size, 4);
  head.set([8, 2, 0, 0, 0], 8); // 8-bit, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", head),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Even-odd rule: whether (x, y) lies inside the polygon. */
function inside(poly: readonly [number, number][], x: number, y: number): boolean {
  let inPoly = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inPoly = !inPoly;
  }
  return inPoly;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
