// Password hashes run one at a time (worker/auth/password.ts): a burst of logins inside the
// limits never has more than one scrypt on the cores, so the core that answers every other
// request stays free (the login.flood bench measures it).
import { afterEach, describe, expect, it } from "vitest";
import { hasher } from "../../worker/auth/password";
import { treeAt } from "../support/tree";

const realDerive = hasher.derive;
afterEach(() => {
  hasher.derive = realDerive;
});

describe("password hashing under a burst of logins", () => {
  it("hashes one password at a time, and every attempt still gets its answer", async () => {
    const tree = await treeAt();
    let running = 0;
    let most = 0;
    let calls = 0;
    hasher.derive = async (password, salt, params, keyLen) => {
      calls++;
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return realDerive(password, salt, { ...params, N: 2 ** 10, p: 1 }, keyLen);
    };
    let n = 0;
    tree.t.platform.clientAddress = () => `10.2.0.${++n}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        tree.t.request("POST", "/api/t/phuong-mau/auth/login", {
          body: { email: `khong-co-${i}@phuong-mau.vn`, password: "doan-bua-di-thoi" },
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(calls).toBe(6);
    expect(most).toBe(1);
  });
});
