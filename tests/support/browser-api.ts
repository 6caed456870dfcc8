// What the browser tests do through the API before they open a page: calls with a bearer
// token, as scripts make them, signing a đảng bộ up with its first admin, and linking a
// child đảng bộ to its parent.
import type { E2e } from "./browser";

/** The password every e2e sign-up gets. */
export const E2E_PASSWORD = "mat-khau-rat-dai-1";

export function bearerApi(e2e: E2e) {
  async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const res = await fetch(`${e2e.base}${path}`, {
      method,
      headers: {
        Accept: "application/json",
        ...(body !== undefined || method !== "GET" ? { "Content-Type": "application/json" } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        Origin: e2e.base,
      },
      body: body !== undefined ? JSON.stringify(body) : method !== "GET" ? "{}" : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  /** Signs the đảng bộ up (a ward's kind) with its admin; the admin's bearer token. */
  async function signUp(t: { slug: string; name: string }, email: string): Promise<string> {
    const { token } = await api<{ token: string }>("POST", "/api/signup", undefined, {
      tenant: { ...t, kind: "dang-uy-phuong" },
      admin: { email, password: E2E_PASSWORD, fullName: "Nguyễn Văn Quản Trị" },
    });
    return token;
  }
  type Org = { slug: string; name: string };
  /** A parent and a child đảng bộ signed up, the child asking to link to the parent: each
   *  admin's token and the pending link's id. */
  async function askLink(parent: Org, parentEmail: string, child: Org, childEmail: string) {
    const parentToken = await signUp(parent, parentEmail);
    const childToken = await signUp(child, childEmail);
    const link = await api<{ id: string }>("POST", `/api/t/${child.slug}/links`, childToken, {
      parentSlug: parent.slug,
    });
    return { parentToken, childToken, linkId: link.id };
  }
  /** The same, the parent's admin approving the link. */
  async function linked(parent: Org, parentEmail: string, child: Org, childEmail: string) {
    const l = await askLink(parent, parentEmail, child, childEmail);
    await api("POST", `/api/t/${parent.slug}/links/${l.linkId}/approve`, l.parentToken);
    return l;
  }
  return { api, signUp, askLink, linked };
}
