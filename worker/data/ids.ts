import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** 80 random bits in base32: short enough for URLs, unguessable across tenants. */
export const newId = () =>
  encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
