// Reading a request body's JSON text with a nesting limit. The limit is checked on the text,
// before `JSON.parse`, so neither the parser nor anything that walks the value afterwards
// (NFC normalisation, valibot) can recurse deep enough to overflow the stack: a body of
// `[[[[…` 10,000 deep is a refusal, not a 500 with a stack trace in the log.
import { DomainError } from "./errors";

/** No body the API accepts nests half this deep (a plan's data is about six levels). */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether objects and arrays in `text` nest deeper than `max` (stops at the first that does).
 *  Brackets inside strings do not count. The text need not be valid JSON: the parser judges
 *  that afterwards. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === BACKSLASH) i++;
      else if (ch === QUOTE) inString = false;
    } else if (ch === QUOTE) inString = true;
    else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) depth--;
  }
  return false;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** A body's bytes as text. Bytes that are not UTF-8 are a 400, not U+FFFD: a replaced
 *  character would be stored as if the writer had typed it, and the original is lost. */
export function decodeUtf8(bytes: ArrayBuffer): string {
  try {
    return UTF8.decode(bytes);
  } catch (err) {
    if (err instanceof TypeError)
      throw new DomainError("INVALID_JSON", "Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.");
    throw err;
  }
}

/** Parses a request body. Unreadable or too deeply nested JSON is a 400 (`INVALID_JSON`). */
export function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepthExceeds(text, maxDepth))
    throw new DomainError(
      "INVALID_JSON",
      `Nội dung JSON lồng nhau quá sâu (tối đa ${maxDepth} tầng).`,
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    if (err instanceof SyntaxError)
      throw new DomainError("INVALID_JSON", "Nội dung JSON không đọc được.");
    throw err;
  }
}
