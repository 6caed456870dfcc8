// E-mail behind one interface (`Outbound.email`): SMTP through nodemailer on Node (smtp.ts,
// which the Worker bundle never imports) and an HTTP e-mail API over fetch on either runtime
// (api.ts). Each transport sorts its failures: a refusal no retry can change (a bad address, a
// 5xx SMTP reply, a 4xx from the API) throws `PermanentMailError` and the outbox records it at
// once; anything else is transient and backs off. Without configuration e-mail is off.
import type { EmailTransport, Outbound } from "../env";

export const DEFAULT_MAIL_FROM = "Sinh hoạt chính trị <no-reply@localhost>";

/** A refusal that retrying cannot change. Any other error a transport throws is transient. */
export class PermanentMailError extends Error {
  override readonly name = "PermanentMailError";
}

export const isPermanentMailError = (err: unknown): err is PermanentMailError =>
  err instanceof PermanentMailError;

/** One address, no display name, nothing a header could be split on. */
export const isSendableAddress = (to: string) => /^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(to);

/** A Message-ID made from the outbox row's idempotency key and the sender's domain: a send
 *  retried after a lost reply carries the same id, so the receiving side can drop the copy. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  return `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, ".")}@${domain}>`;
}

/** What the admin's settings say about e-mail delivery. `custom` is a transport a host
 *  program passed in itself (the tests, an embedding), which names no kind. */
export interface EmailStatus {
  emailTransport: EmailTransport | "custom" | null;
  emailNote: string;
}

export function emailStatus(out: Pick<Outbound, "email" | "emailTransport">): EmailStatus {
  if (!out.email)
    return {
      emailTransport: null,
      emailNote:
        "Chưa cấu hình gửi thư điện tử: nhắc việc chỉ hiện trong ứng dụng (và qua webhook nếu có). " +
        "Người vận hành đặt SMTP_URL (máy chủ riêng) hoặc MAIL_API_URL và MAIL_API_KEY (Cloudflare) để bật.",
    };
  const transport = out.emailTransport ?? "custom";
  const via = {
    smtp: "qua máy chủ SMTP",
    api: "qua dịch vụ gửi thư (API)",
    custom: "qua kênh do hệ thống cung cấp",
  }[transport];
  return {
    emailTransport: transport,
    emailNote: `Thư điện tử được gửi ${via}, ngoài giờ yên lặng.`,
  };
}
