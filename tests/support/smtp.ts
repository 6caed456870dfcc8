// A real SMTP server in the test process (the `smtp-server` package) on 127.0.0.1 and a free
// port, without TLS: what the Node transport talks to in tests. It keeps every message it
// accepts, decoded just enough to assert on (RFC 2047 headers, quoted-printable or base64
// UTF-8 text), and can refuse chosen recipients with a chosen reply code.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { onTestFinished } from "vitest";
import { fetchOutbound } from "../../worker/env";
import { mailFromProcessEnv } from "../../worker/mail/smtp";
import { makeApp, type TestApp } from "./app";

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
}

export interface TestSmtp {
  /** smtp://[user:pass@]127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  /** Recipient address → SMTP reply code for RCPT TO (e.g. 550 no such user, 451 try later). */
  refuse: Map<string, number>;
  close(): Promise<void>;
}

const decodeWords = (s: string) =>
  s
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(
            data
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );

const decodeBody = (body: string, encoding: string | undefined) => {
  if (encoding === "base64") return Buffer.from(body, "base64").toString("utf8");
  if (encoding === "quoted-printable")
    return Buffer.from(
      body
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  return body;
};

function parse(raw: string, envelopeFrom: string, envelopeTo: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const headers: Record<string, string> = {};
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split + 4).replace(/\r\n$/, "");
  return {
    envelopeFrom,
    envelopeTo,
    headers,
    subject: decodeWords(headers.subject ?? ""),
    text: decodeBody(body, headers["content-transfer-encoding"]).replace(/\r\n/g, "\n"),
  };
}

export async function startSmtp(
  opts: { auth?: { user: string; pass: string } } = {},
): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const refuse = new Map<string, number>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: opts.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.auth?.user && auth.password === opts.auth?.pass)
        return cb(null, { user: auth.username });
      cb(Object.assign(new Error("Sai tên hoặc mật khẩu"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      const code = refuse.get(address.address);
      if (code) return cb(Object.assign(new Error(`refused (${code})`), { responseCode: code }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const from = session.envelope.mailFrom;
        received.push(
          parse(
            Buffer.concat(chunks).toString("latin1"),
            from ? from.address : "",
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const auth = opts.auth
    ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@`
    : "";
  return {
    url: `smtp://${auth}127.0.0.1:${port}`,
    received,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An app whose e-mail goes over SMTP to a server started here, `env` adding to SMTP_URL
 *  (MAIL_FROM…); both close when the current test ends. */
export async function appWithSmtp(
  env: Record<string, string> = {},
  opts: { signup?: string } = {},
): Promise<{ t: TestApp; smtp: TestSmtp }> {
  const smtp = await startSmtp();
  onTestFinished(() => smtp.close());
  const t = await makeApp({
    ...opts,
    outbound: { ...fetchOutbound(), ...mailFromProcessEnv({ SMTP_URL: smtp.url, ...env }) },
  });
  onTestFinished(() => t.close());
  return { t, smtp };
}
