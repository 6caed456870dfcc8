// Text out of a PDF that Chromium printed (page.pdf), with no PDF package: enough of the
// format for what Skia writes — plain numbered objects, Flate streams, Type0 fonts with a
// ToUnicode CMap, text shown by Tj/TJ with hex strings — to assert what is on the paper.
// Not a general PDF reader: positions are ignored and runs are joined in stream order, so
// compare with whitespace removed (see `squash`).
import { inflateSync } from "node:zlib";

interface Obj {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, Obj> {
  const s = pdf.toString("latin1");
  const out = new Map<number, Obj>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf("endobj", start);
    if (end < 0) break;
    const body = s.slice(start, end);
    const k = body.indexOf("stream");
    let stream: Buffer | null = null;
    let dict = body;
    if (k >= 0 && /^stream\r?\n/.test(body.slice(k))) {
      dict = body.slice(0, k);
      const from = start + k + (body[k + 6] === "\r" ? 8 : 7);
      const len = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      const to = len ? from + Number(len[1]) : start + body.lastIndexOf("endstream");
      const raw = pdf.subarray(from, to);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

/** A ToUnicode CMap: code (hex) → text. */
function cmap(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const utf16 = (h: string) => Buffer.from(h, "hex").swap16().toString("utf16le");
  for (const block of text.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? [])
    for (const m of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      out.set(m[1]!.toLowerCase(), utf16(m[2]!));
  for (const block of text.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? [])
    for (const m of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const base = parseInt(m[3]!, 16);
      for (let c = lo; c <= hi; c++)
        out.set(c.toString(16).padStart(m[1]!.length, "0"), String.fromCodePoint(base + c - lo));
    }
  return out;
}

/** Every text run of the PDF, in stream order, NFC. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  // Font resource names → their ToUnicode maps (Skia names each font once per document).
  const fonts = new Map<string, { map: Map<string, string>; width: number }>();
  for (const o of objs.values())
    for (const block of o.dict.match(/\/Font\s*<<([^>]*)>>/g) ?? [])
      for (const m of block.matchAll(/\/([\w.]+)\s+(\d+) 0 R/g)) {
        const font = objs.get(Number(m[2]));
        const tu = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
        const stream = tu && objs.get(Number(tu[1]))?.stream;
        if (!stream) continue;
        const width = /\/Type0/.test(font.dict) ? 4 : 2;
        fonts.set(m[1]!, { map: cmap(stream.toString("latin1")), width });
      }
  let out = "";
  for (const o of objs.values()) {
    if (!o.stream || /\/(Subtype|Type)\s*\/(Image|XObject|Font|FontFile|Metadata)/.test(o.dict))
      continue;
    const content = o.stream.toString("latin1");
    if (!/\bBT\b/.test(content)) continue;
    let font: { map: Map<string, string>; width: number } | undefined;
    const tokens = /\/([\w.]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>|\b(ET)\b/g;
    for (const t of content.matchAll(tokens)) {
      if (t[1]) font = fonts.get(t[1]);
      else if (t[3]) out += "\n";
      else if (font && t[2] !== undefined) {
        const h = t[2].replace(/\s+/g, "").toLowerCase();
        for (let i = 0; i + font.width <= h.length; i += font.width)
          out += font.map.get(h.slice(i, i + font.width)) ?? "";
      }
    }
  }
  return out.normalize("NFC");
}

/** Text without whitespace, to compare runs laid out by position. */
export const squash = (s: string): string => s.normalize("NFC").replace(/\s+/g, "");

/** The first page's size in points ([width, height]) from its MediaBox. */
export function pageSize(pdf: Buffer): [number, number] | null {
  const m = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** How many pages the PDF has (its page objects). */
export const pageCount = (pdf: Buffer): number =>
  pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
