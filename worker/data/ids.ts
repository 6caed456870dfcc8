/** Random bytes drawn a few kilobytes at a time, and each id's text made in one piece: a
 *  reminder day makes ids by the hundred thousand, and a typed array (with its buffer) and
 *  sixteen string concatenations each were a large share of its garbage (issue 13's heap).
 *  Each byte serves one id only. */
const POOL = 4096;
let pool = new Uint8Array(0);
let used = POOL;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const codes: number[] = Array.from({ length: 16 }, () => 0);

/** 80 random bits in base32 (RFC 4648, lower case, 16 letters): short enough for URLs,
 *  unguessable across tenants. */
export const newId = () => {
  if (used + 10 > pool.length) [pool, used] = [crypto.getRandomValues(new Uint8Array(POOL)), 0];
  for (let half = 0; half < 2; half++, used += 5) {
    // 40 bits are exact in a double: eight letters of 5 bits, most significant first.
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 256 + pool[used + i]!;
    for (let k = 7; k >= 0; k--, v = Math.floor(v / 32))
      codes[half * 8 + k] = ALPHABET.charCodeAt(v % 32);
  }
  return String.fromCharCode(...codes);
};
