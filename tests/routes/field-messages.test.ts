// Valibot's issues as the Vietnamese message of each field (worker/errors.ts fieldErrors): a
// field left out is reported as required, a key the body does not know as not allowed, on
// every route's body (read from the app, so a route added later is covered too).
import * as v from "valibot";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { fieldErrors } from "../../worker/errors";
import { describeRoutes } from "../../worker/openapi";
import type { SchemaNode } from "../support/arbitrary";
import { login, makeAppWithDemo, type TestApp } from "../support/app";

const REQUIRED = "Bắt buộc phải có.";
const UNKNOWN = "Trường này không được phép.";
const OBJECTS = new Set(["object", "strict_object", "loose_object", "object_with_rest"]);
const OPTIONAL = new Set(["optional", "exact_optional", "nullish"]);

let t: TestApp | undefined;
afterEach(() => t?.close());

describe("PATCH /units/:id", () => {
  it("asks for a missing version, and refuses a key it does not know", async () => {
    t = await makeAppWithDemo();
    const { token } = await login(t, "demo", "admin@demo.vn");
    const units = (await (await t.request("GET", "/api/t/demo/units", { token })).json()) as {
      units: { id: string; version: number }[];
    };
    const unit = units.units[0]!;
    const patch = async (body: unknown) => {
      const res = await t!.request("PATCH", `/api/t/demo/units/${unit.id}`, { token, body });
      return { status: res.status, body: (await res.json()) as { error: { fields?: unknown } } };
    };
    expect(await patch({ name: "Đổi tên" })).toMatchObject({
      status: 422,
      body: { error: { code: "INVALID_BODY", fields: { version: REQUIRED } } },
    });
    expect(await patch({ name: "Đổi tên", version: unit.version, mau: 1 })).toMatchObject({
      status: 422,
      body: { error: { code: "INVALID_BODY", fields: { mau: UNKNOWN } } },
    });
    expect((await patch("không phải đối tượng")).body.error.fields).toEqual({
      _: "Sai kiểu dữ liệu.",
    });
  });
});

describe("every route's body", () => {
  const routes = describeRoutes(createApp(() => ({}) as never).routes).filter(
    (r) => r.meta.body && OBJECTS.has((r.meta.body as SchemaNode).type),
  );
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r.meta.body as SchemaNode] as const))(
    "%s: an empty body names each required field as required",
    (_, schema) => {
      const required = Object.entries(schema.entries ?? {})
        .filter(([, e]) => !OPTIONAL.has(e.type) && !("default" in e && e.default !== undefined))
        .map(([k]) => k);
      const result = v.safeParse(schema as never, {});
      const fields = result.success ? {} : fieldErrors(result.issues);
      expect(Object.fromEntries(required.map((k) => [k, fields[k]]))).toEqual(
        Object.fromEntries(required.map((k) => [k, REQUIRED])),
      );
      // A key the body does not know: not allowed where the object is strict.
      if (schema.type === "strict_object") {
        const extra = v.safeParse(schema as never, { khongCo: 1 });
        expect(extra.success ? {} : fieldErrors(extra.issues)).toMatchObject({ khongCo: UNKNOWN });
      }
    },
  );
  it("covers the routes with a body", () => expect(routes.length).toBeGreaterThan(30));
});

describe("an emptied text", () => {
  it("is reported as required, as a left-out one is (a template's titles: v.nonEmpty)", () => {
    const result = v.safeParse(v.object({ title: v.pipe(v.string(), v.nonEmpty()) }), {
      title: "",
    });
    expect(result.success ? {} : fieldErrors(result.issues)).toEqual({ title: REQUIRED });
  });
});
