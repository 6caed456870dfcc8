// The zip framing of a tenant archive: entries deflated one part at a time (fflate) with
// their sizes and CRC in the local header, so a reader can walk the archive front to back
// as it arrives and hold one part at a time. fflate's streaming `Zip` always writes data
// descriptors instead, and its streaming `Unzip` finds the end of such an entry by scanning
// the compressed bytes for a signature — which compressed data contains by chance about once
// in 4 GB of output, cutting the entry there. Known sizes need neither. No zip64: an archive
// stops at 4 GiB and 65,535 entries (checked when writing).
import { deflateSync, inflateSync } from "fflate";
import { DomainError } from "../../errors";

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

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const MAX_U32 = 0xffffffff;

/** The largest archive: a zip without zip64 ends before 4 GiB. */
export const MAX_ARCHIVE_BYTES = MAX_U32;

/** The largest part a reader accepts, compressed or not: parts hold PART_ROWS rows. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

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

/** Writes entries one by one; each call returns the bytes to send next. */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly time: number;
  private readonly date: number;

  constructor(at: Date) {
    [this.time, this.date] = dosTime(at);
  }

  entry(fileName: string, data: Uint8Array): Uint8Array {
    const name = new TextEncoder().encode(fileName);
    const packed = deflateSync(data, { level: 6 });
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

export const damaged = (message: string, fields?: Record<string, string>) =>
  new DomainError("ARCHIVE_DAMAGED", message, fields);

const notOurs = () => new DomainError("ARCHIVE_FOREIGN", NOT_OURS);
const NOT_OURS =
  "Tệp không phải bản xuất dữ liệu của hệ thống này (không đọc được dạng zip của bản xuất).";

/** Buffers a byte stream and hands out exact slices, holding at most one entry. */
class ByteQueue {
  private buf = new Uint8Array(0);
  private start = 0;
  private done = false;
  private total = 0;
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Ensures `n` bytes are buffered; false if the stream ended first. */
  async want(n: number): Promise<boolean> {
    while (this.buf.length - this.start < n) {
      if (this.done) return false;
      const { done, value } = await this.reader.read();
      if (done) {
        this.done = true;
        continue;
      }
      this.total += value.length;
      if (this.total > MAX_ARCHIVE_BYTES)
        throw new DomainError(
          "PAYLOAD_TOO_LARGE",
          "Tệp lớn hơn 4 GB, không phải bản xuất của hệ thống này.",
        );
      const rest = this.buf.subarray(this.start);
      const next = new Uint8Array(rest.length + value.length);
      next.set(rest);
      next.set(value, rest.length);
      this.buf = next;
      this.start = 0;
    }
    return true;
  }
  peek(n: number): Uint8Array {
    return this.buf.subarray(this.start, this.start + n);
  }
  take(n: number): Uint8Array {
    const out = this.buf.slice(this.start, this.start + n);
    this.start += n;
    return out;
  }
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Reads the entries of an archive in order as its bytes arrive. Refuses what this code does
 *  not write (data descriptors, other methods, oversized entries) and any entry whose CRC or
 *  size does not match its header. Stops at the central directory. */
export async function* readZip(body: ReadableStream<Uint8Array>): AsyncGenerator<ZipEntry> {
  const reader = body.getReader();
  const q = new ByteQueue(reader);
  try {
    for (;;) {
      if (!(await q.want(4))) throw damaged("Tệp bị cắt ngắn: thiếu phần cuối của tệp zip.");
      const sig = new DataView(q.peek(4).slice().buffer).getUint32(0, true);
      if (sig === CENTRAL || sig === END) return;
      if (sig !== LOCAL) throw notOurs();
      if (!(await q.want(30))) throw damaged("Tệp bị cắt ngắn giữa chừng.");
      const h = new DataView(q.take(30).buffer);
      const flags = h.getUint16(6, true);
      const method = h.getUint16(8, true);
      const crc = h.getUint32(14, true);
      const csize = h.getUint32(18, true);
      const usize = h.getUint32(22, true);
      const nameLen = h.getUint16(26, true);
      const extraLen = h.getUint16(28, true);
      if (flags & 0x0001 || flags & 0x0008 || (method !== DEFLATE && method !== 0)) throw notOurs();
      if (csize > MAX_ENTRY_BYTES || usize > MAX_ENTRY_BYTES)
        throw damaged("Tệp có một phần quá lớn, không phải bản xuất của hệ thống này.");
      if (!(await q.want(nameLen + extraLen + csize))) throw damaged("Tệp bị cắt ngắn giữa chừng.");
      const name = new TextDecoder().decode(q.take(nameLen));
      q.take(extraLen);
      const packed = q.take(csize);
      let data: Uint8Array;
      try {
        data = method === 0 ? packed : inflateSync(packed, { out: new Uint8Array(usize) });
      } catch {
        throw damaged(`Phần "${name}" của tệp bị hỏng (không giải nén được).`, { [name]: "hỏng" });
      }
      if (data.length !== usize || crc32(data) !== crc)
        throw damaged(`Phần "${name}" của tệp bị hỏng (sai mã kiểm tra CRC).`, {
          [name]: "sai mã kiểm tra",
        });
      yield { name, data };
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
