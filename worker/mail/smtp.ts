// E-mail over SMTP through nodemailer: the Node runtime's transport, configured by SMTP_URL
// (smtp://user:pass@host:587 upgrades with STARTTLS when offered; smtps://host:465 is TLS from
// the start). Node only: the Worker bundle must never import this module.
// A 5xx reply to the envelope or the message (550 no such user, 554 refused) is permanent;
// a 4xx (451 try later), a refused login or a lost connection is transient and retried.
import nodemailer from "nodemailer";
import type { Outbound } from "../env";
import { mailFromBindings } from "./api";
import { DEFAULT_MAIL_FROM, PermanentMailError, isSendableAddress, messageIdFor } from "./index";

/** nodemailer's error codes for a refusal of this message rather than of the connection or
 *  the login (a wrong password is the operator's to fix, not a reason to drop the message). */
const MESSAGE_REFUSALS = new Set(["EENVELOPE", "EMESSAGE"]);

export function smtpMailer(
  url: string,
  from: string = DEFAULT_MAIL_FROM,
): Required<Pick<Outbound, "email" | "emailTransport">> {
  // A cron pass must not hang on a silent server: nodemailer's defaults wait minutes.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    emailTransport: "smtp",
    async email(m) {
      if (!isSendableAddress(m.to)) throw new PermanentMailError(`địa chỉ không hợp lệ: ${m.to}`);
      try {
        await transport.sendMail({
          from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          messageId: messageIdFor(m.idempotencyKey, from),
          headers: { "X-Idempotency-Key": m.idempotencyKey },
        });
      } catch (err) {
        const e = err as { code?: string; responseCode?: number; message?: string };
        const message = `smtp: ${e.message ?? String(err)}`;
        if (e.responseCode && e.responseCode >= 500 && MESSAGE_REFUSALS.has(e.code ?? ""))
          throw new PermanentMailError(message, { cause: err });
        throw new Error(message, { cause: err });
      }
    },
  };
}

/** The e-mail half of the Node runtime's Outbound: SMTP_URL first, else the HTTP API, else
 *  nothing (e-mail off). */
export function mailFromProcessEnv(
  env: Record<string, string | undefined>,
): Pick<Outbound, "email" | "emailTransport"> {
  if (env.SMTP_URL) return smtpMailer(env.SMTP_URL, env.MAIL_FROM || DEFAULT_MAIL_FROM);
  return mailFromBindings(env);
}
