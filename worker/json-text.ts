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
