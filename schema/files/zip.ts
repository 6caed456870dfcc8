// The zip framing shared by the server's tenant archive (worker/data/archive/zip.ts) and the
// browser's spreadsheet export (client/lib/xlsx.ts): deflated entries with their sizes and
// CRC in the local header, then the central directory. Pure (no compressor here, so the
// client does not carry the server's); no zip64: at most 4 GiB and 65,535 entries.

/** CRC-32 (the zip one), eight bytes a step ("slicing-by-8"): as fast as the deflate beside it. */
const CRC_TABLES = (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++)
      t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = 0xffffffff;
  let i = 0;
  const end8 = data.length - (data.length % 8);
  for (; i < end8; i += 8) {
    const a = c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    c =
      t[7 * 256 + (a & 0xff)]! ^
      t[6 * 256 + ((a >>> 8) & 0xff)]! ^
      t[5 * 256 + ((a >>> 16) & 0xff)]! ^
      t[4 * 256 + (a >>> 24)]! ^
      t[3 * 256 + data[i + 4]!]! ^
      t[2 * 256 + data[i + 5]!]! ^
      t[256 + data[i + 6]!]! ^
      t[data[i + 7]!]!;
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const LOCAL = 0x04034b50;
export const CENTRAL = 0x02014b50;
export const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
export const DEFLATE = 8;
const MAX_U32 = 0xffffffff;

/** The largest archive: a zip without zip64 ends before 4 GiB. */
export const MAX_ARCHIVE_BYTES = MAX_U32;

function dosTime(d: Date): [time: number, date: number] {
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return [time, date];
}

interface Written {
  name: Uint8Array;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

/** Writes entries one by one; each call returns the bytes to send next. The caller deflates
 *  (raw deflate, no zlib header): fflate on the server, CompressionStream in the browser. */
export class ZipFrames {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly time: number;
  private readonly date: number;

  constructor(at: Date) {
    [this.time, this.date] = dosTime(at);
  }

  /** One entry: `data` as is (for its CRC and size) and `packed`, its raw deflate. */
  deflated(fileName: string, data: Uint8Array, packed: Uint8Array): Uint8Array {
    const name = new TextEncoder().encode(fileName);
    const e: Written = {
      name,
      crc: crc32(data),
      csize: packed.length,
      usize: data.length,
      offset: this.offset,
    };
    if (this.entries.length >= 0xffff || this.offset + 30 + name.length + packed.length > MAX_U32)
      throw new Error("archive too large for zip without zip64");
    const out = new Uint8Array(30 + name.length + packed.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, LOCAL, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, UTF8_NAMES, true);
    v.setUint16(8, DEFLATE, true);
    v.setUint16(10, this.time, true);
    v.setUint16(12, this.date, true);
    v.setUint32(14, e.crc, true);
    v.setUint32(18, e.csize, true);
    v.setUint32(22, e.usize, true);
    v.setUint16(26, name.length, true);
    v.setUint16(28, 0, true);
    out.set(name, 30);
    out.set(packed, 30 + name.length);
    this.entries.push(e);
    this.offset += out.length;
    return out;
  }

  /** The central directory and its end record. */
  end(): Uint8Array {
    const size = this.entries.reduce((n, e) => n + 46 + e.name.length, 0);
    const out = new Uint8Array(size + 22);
    const v = new DataView(out.buffer);
    let p = 0;
    for (const e of this.entries) {
      v.setUint32(p, CENTRAL, true);
      v.setUint16(p + 4, 20, true);
      v.setUint16(p + 6, 20, true);
      v.setUint16(p + 8, UTF8_NAMES, true);
      v.setUint16(p + 10, DEFLATE, true);
      v.setUint16(p + 12, this.time, true);
      v.setUint16(p + 14, this.date, true);
      v.setUint32(p + 16, e.crc, true);
      v.setUint32(p + 20, e.csize, true);
      v.setUint32(p + 24, e.usize, true);
      v.setUint16(p + 28, e.name.length, true);
      // extra, comment, disk, internal and external attributes: zero
      v.setUint32(p + 42, e.offset, true);
      out.set(e.name, p + 46);
      p += 46 + e.name.length;
    }
    v.setUint32(p, END, true);
    v.setUint16(p + 8, this.entries.length, true);
    v.setUint16(p + 10, this.entries.length, true);
    v.setUint32(p + 12, size, true);
    v.setUint32(p + 16, this.offset, true);
    return out;
  }
}
