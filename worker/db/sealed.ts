// Secrets kept in the control plane, sealed with AES-GCM (WebCrypto, the same on Workers and
// Node). The key is a secret binding, never stored beside what it seals: a copy of the control
// database alone opens no tenant. Each sealed value is bound to its owner's id (the GCM
// additional data), so a sealed token copied onto another tenant's row does not open.
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";

const VERSION = "v1";
const keys = new Map<string, Promise<CryptoKey>>();

/** Base64 into bytes over a plain ArrayBuffer, which is what WebCrypto's types accept. */
const bytes = (b64: string): Uint8Array<ArrayBuffer> => new Uint8Array(decodeBase64(b64));

/** The key is 32 random bytes, base64 (`openssl rand -base64 32`). Imported once per isolate,
 *  keyed by the secret's value (a rotated secret gets its own entry). */
function importKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    const raw = bytes(secret.trim());
    if (raw.length !== 32) throw new Error("TENANT_TOKEN_KEY must be 32 bytes, base64");
    key = crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    keys.set(secret, key);
  }
  return key;
}

/** `v1.<iv>.<ciphertext+tag>`, both base64; a fresh random 96-bit IV each time. */
export async function seal(secret: string, owner: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(owner) },
    await importKey(secret),
    new TextEncoder().encode(plaintext),
  );
  return `${VERSION}.${encodeBase64(iv)}.${encodeBase64(new Uint8Array(data))}`;
}

/** Throws if the value was not sealed with this key for this owner, or was altered. */
export async function unseal(secret: string, owner: string, sealed: string): Promise<string> {
  const [version, iv, data] = sealed.split(".");
  if (version !== VERSION || !iv || !data) throw new Error("sealed value: unknown format");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes(iv), additionalData: new TextEncoder().encode(owner) },
    await importKey(secret),
    bytes(data),
  );
  return new TextDecoder().decode(plain);
}
