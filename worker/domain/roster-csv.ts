// Roster files, CSV side: UTF-8 decoding, the separator Excel chose, and RFC 4180 records
// tagged with the line each starts on. The header check and row assembly are roster-file.ts.
import type { ParseResult, SourceRecord } from "./roster-file";

export function decodeUtf8(bytes: Uint8Array): string | ParseResult {
  try {
    // The default (ignoreBOM: false) drops a leading UTF-8 BOM.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const at = lossy.indexOf("\uFFFD");
    const line = at < 0 ? 1 : lineAt(lossy, at);
    return {
      ok: false,
      errors: [
        {
          line,
          message:
            "Tệp không phải UTF-8 (có thể được lưu theo bảng mã Windows hoặc UTF-16). Trong Excel hãy chọn «Lưu thành» → «CSV UTF-8 (phân cách bằng dấu phẩy)».",
        },
      ],
    };
  }
}

function lineAt(text: string, index: number): number {
  const before = text.slice(0, index);
  return 1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
}

/** Excel in locales whose decimal mark is a comma (Vietnamese among them) saves with ";". */
export function detectSeparator(text: string): "," | ";" {
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === "") continue;
    let commas = 0;
    let semicolons = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === ",") commas++;
      else if (!quoted && ch === ";") semicolons++;
    }
    return semicolons > commas ? ";" : ",";
  }
  return ",";
}

/** RFC 4180 records, each tagged with the physical line it starts on. */
export function* csvRecords(text: string, sep: string): Generator<SourceRecord> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let error: string | undefined;
    for (;;) {
      let j = i;
      while (text[j] === " " || text[j] === "\t") j++;
      if (text[j] === '"') {
        i = j + 1;
        const opened = line;
        let value = "";
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            yield {
              line: start,
              cells,
              error: `Dấu ngoặc kép mở ở dòng ${opened} không được đóng.`,
            };
            return;
          }
          const chunk = text.slice(i, q).replace(/\r\n?/g, "\n");
          line += chunk.split("\n").length - 1;
          value += chunk;
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        while (text[i] === " " || text[i] === "\t") i++;
        if (i < n && text[i] !== sep && text[i] !== "\r" && text[i] !== "\n") {
          error ??= `Có ký tự ngay sau dấu ngoặc kép đóng ở dòng ${line}; trong ô, dấu ngoặc kép phải viết đôi ("").`;
          let k = i;
          while (k < n && text[k] !== sep && text[k] !== "\r" && text[k] !== "\n") k++;
          value += text.slice(i, k);
          i = k;
        }
        cells.push(value);
      } else {
        while (j < n && text[j] !== sep && text[j] !== "\r" && text[j] !== "\n") j++;
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      if (text[i] === sep) {
        i++;
        continue;
      }
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      break;
    }
    yield error ? { line: start, cells, error } : { line: start, cells };
  }
}
