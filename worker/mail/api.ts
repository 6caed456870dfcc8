// E-mail through an HTTP e-mail API: a generic JSON POST with a bearer key, the shape most
// providers' send endpoints accept (or a small relay adapts). Used on Workers, which cannot
// open SMTP connections, and on Node when MAIL_API_URL is set instead of SMTP_URL.
//   POST MAIL_API_URL   Authorization: Bearer MAIL_API_KEY   Idempotency-Key: <key>
//   {from, to, subject, text, headers: {"Message-ID": …}}
// 2xx is sent; 408, 429, 5xx and a network failure are retried; any other 4xx (a refused
// address, a malformed message, a revoked key) is permanent: retrying would only repeat it.
import type { Outbound } from "../env";
import { DEFAULT_MAIL_FROM, PermanentMailError, isSendableAddress, messageIdFor } from "./index";

export interface MailApiConfig {
  url: string;
  key?: string;
  from?: string;
}

export function apiMailer(
  cfg: MailApiConfig,
  fetcher: typeof fetch = fetch,
): Required<Pick<Outbound, "email" | "emailTransport">> {
  const from = cfg.from || DEFAULT_MAIL_FROM;
  return {
    emailTransport: "api",
    async email(m) {
      if (!isSendableAddress(m.to)) throw new PermanentMailError(`địa chỉ không hợp lệ: ${m.to}`);
      let res: Response;
      try {
        res = await fetcher(cfg.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "Idempotency-Key": m.idempotencyKey,
            ...(cfg.key ? { Authorization: `Bearer ${cfg.key}` } : {}),
          },
          body: JSON.stringify({
            from,
            to: m.to,
            subject: m.subject,
            text: m.text,
            headers: { "Message-ID": messageIdFor(m.idempotencyKey, from) },
          }),
        });
      } catch (err) {
        throw new Error(`mail API unreachable: ${(err as Error)?.message ?? err}`, { cause: err });
      }
      const detail = res.ok ? "" : (await res.text().catch(() => "")).slice(0, 200);
      if (res.ok) await res.body?.cancel();
      else if (res.status >= 500 || res.status === 429 || res.status === 408)
        throw new Error(`mail API ${res.status} ${detail}`.trim());
      else throw new PermanentMailError(`mail API ${res.status} ${detail}`.trim());
    },
  };
}

/** The e-mail half of an Outbound from the Worker's bindings; empty (e-mail off) without a URL. */
export function mailFromBindings(env: {
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  MAIL_FROM?: string;
}): Pick<Outbound, "email" | "emailTransport"> {
  return env.MAIL_API_URL
    ? apiMailer({ url: env.MAIL_API_URL, key: env.MAIL_API_KEY, from: env.MAIL_FROM })
    : {};
}
