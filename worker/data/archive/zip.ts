// The zip framing of a tenant archive: entries deflated one part at a time (fflate) with
// their sizes and CRC in the local header, so a reader can walk the archive front to back
// as it arrives and hold one part at a time. fflate's streaming `Zip` always writes data
// descriptors instead, and its streaming `Unzip` finds the end of such an entry by scanning
// the compressed bytes for a signature — which compressed data contains by chance about once
// in 4 GB of output, cutting the entry there. Known sizes need neither. No zip64: an archive
// stops at 4 GiB and 65,535 entries (checked when writing).
import { deflateSync, inflateSync } from "fflate";
import { DomainError } from "../../errors";
import {
  CENTRAL,
  crc32,
  DEFLATE,
  END,
  LOCAL,
  MAX_ARCHIVE_BYTES,
  ZipFrames,
} from "../../../schema/files/zip";

export { crc32, MAX_ARCHIVE_BYTES };

/** The largest part a reader accepts, compressed or not: parts hold PART_ROWS rows. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** The archive's writer: each entry deflated here, at level 6. */
export class ZipWriter extends ZipFrames {
  entry(fileName: string, data: Uint8Array): Uint8Array {
    return this.deflated(fileName, data, deflateSync(data, { level: 6 }));
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
