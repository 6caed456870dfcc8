// The embedded default's platform as a Node process builds it from its environment: the
// server (node.ts), its job processes (node-jobs/thread.ts) and `npm run cron` (cron-cli.ts)
// alike, so a setting read here reaches all three (SEAL_KEY once reached the server only).
import { localPlatform, type LocalPlatform } from "./db/local";
import { fetchOutbound } from "./env";
import { mailFromProcessEnv } from "./mail/smtp";

export function nodePlatform(dataDir: string, allowedOrigins: string[] = []): LocalPlatform {
  const platform = localPlatform({
    dataDir,
    allowedOrigins,
    outbound: { ...fetchOutbound(), ...mailFromProcessEnv(process.env) },
    sealKey: process.env.SEAL_KEY,
  });
  platform.signup = process.env.SIGNUP;
  return platform;
}
