// fast-check arbitraries built from the valibot schemas the routes validate with (issue 14's
// property tests): a body shaped by the schema, mostly valid, with hostile values mixed in at
// every level — wrong types, NUL and other control characters, lone surrogates, huge strings,
// impossible dates, links that are not http(s), extra keys, deep nesting. The walk reads
// valibot's public schema objects (`type`, `entries`, `pipe`…) so a new field kind is covered
// as "anything" until it is named here.
import fc from "fast-check";

/** A valibot schema object as its public fields show it (what the walks read). */
export type SchemaNode = {
  type: string;
  kind?: string;
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
  item?: SchemaNode;
  key?: SchemaNode;
  value?: SchemaNode;
  options?: SchemaNode[] | readonly unknown[];
  literal?: unknown;
  pipe?: SchemaNode[];
  requirement?: unknown;
  getter?: () => SchemaNode;
};

/** Values no field should accept, or should accept without harm. */
export const hostileString = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "tên\u0000ẩn",
  "\u001b[31m",
  "\ud800",
  "a\udfffb",
  "\uffff",
  "\u202egnp.exe",
  "x".repeat(100_000),
  "Hồng".normalize("NFD"),
  "2023-02-30",
  "2100-02-29",
  "2023-02-30T08:00:00+07:00",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "<script>alert(1)</script>",
  "'; DROP TABLE members; --",
  '=HYPERLINK("http://x")',
  "../../etc/passwd",
  "%00",
  "__proto__",
  "9".repeat(400),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    [],
    {},
    [null],
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__": {"polluted": 1}}') as unknown,
    { constructor: { prototype: { x: 1 } } },
  ),
  fc.anything({ maxDepth: 3 }),
);

const actions = (n: SchemaNode) => (n.pipe ?? []).filter((s) => s !== n && s.kind !== "schema");
const req = (n: SchemaNode, type: string) =>
  actions(n).find((a) => a.type === type)?.requirement as number | RegExp | undefined;

function stringArb(n: SchemaNode, clean = false): fc.Arbitrary<string> {
  const a = actions(n).map((x) => x.type);
  const min = (req(n, "min_length") as number | undefined) ?? 0;
  const max = (req(n, "max_length") as number | undefined) ?? 80;
  const regexes = actions(n)
    .filter((x) => x.type === "regex")
    .map((x) => x.requirement as RegExp);
  const valid: fc.Arbitrary<string>[] = [];
  if (a.includes("email")) valid.push(fc.emailAddress());
  else if (a.includes("url")) valid.push(fc.webUrl());
  else if (a.includes("iso_date"))
    valid.push(
      fc
        .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom("2023-02-30", "2024-02-29", "2023-04-31", "2023-13-01"),
    );
  else if (a.includes("iso_timestamp"))
    valid.push(
      fc
        .date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.constantFrom("2023-02-30T08:00:00+07:00", "2026-03-10T10:00:00+07:00"),
    );
  else if (regexes.length) valid.push(...regexes.map((r) => fc.stringMatching(r)));
  else
    valid.push(
      fc.string({ minLength: min, maxLength: Math.min(max, 200), unit: "grapheme" }),
      fc.string({ minLength: min, maxLength: Math.min(max, 60), unit: "binary" }),
    );
  if (clean) return fc.oneof(...valid);
  return fc.oneof(
    { arbitrary: fc.oneof(...valid), weight: 4 },
    { arbitrary: hostileString, weight: 1 },
  );
}

function numberArb(n: SchemaNode, clean = false): fc.Arbitrary<number> {
  const min = req(n, "min_value") as number | undefined;
  const max = req(n, "max_value") as number | undefined;
  const lo = min ?? -5;
  const hi = max ?? (min !== undefined ? min + 5 : 5);
  const valid = fc.integer({ min: lo, max: Math.min(hi, lo + 10) });
  if (clean) return valid;
  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    {
      arbitrary: fc.constantFrom(lo - 1, hi + 1, 0.5, -1, 2 ** 31, 2 ** 53 + 1, 1e300),
      weight: 1,
    },
  );
}

export interface BuildOptions {
  /** Values for a field validated by this exact schema (e.g. real ids for `Id`). */
  pools?: Map<unknown, readonly unknown[]>;
  /** Only values of the schema's shape: no hostile value, no extra key (bodies that pass
   *  validation, so the data layer is what answers). */
  clean?: boolean;
}

/** An arbitrary for values of schema `s`: mostly of its shape, sometimes hostile. */
export function arbitraryFor(
  s: unknown,
  opts: BuildOptions = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const n = s as SchemaNode;
  const shaped = shapedFor(n, opts, depth);
  if (opts.clean) return shaped;
  return fc.oneof({ arbitrary: shaped, weight: 6 }, { arbitrary: hostileValue, weight: 1 });
}

function shapedFor(n: SchemaNode, opts: BuildOptions, depth: number): fc.Arbitrary<unknown> {
  const pool = opts.pools?.get(n);
  const inner = (x: SchemaNode) => arbitraryFor(x, opts, depth + 1);
  let base: fc.Arbitrary<unknown>;
  switch (n.type) {
    case "string":
      base = stringArb(n, opts.clean);
      break;
    case "number":
      base = numberArb(n, opts.clean);
      break;
    case "boolean":
      base = fc.boolean();
      break;
    case "literal":
      base = fc.constant(n.literal);
      break;
    case "picklist":
    case "enum":
      base = fc.constantFrom(...((n.options as unknown[]) ?? [null]));
      break;
    case "optional":
    case "exact_optional":
    case "nullish":
    case "undefinedable":
      base = fc.option(inner(n.wrapped!), { nil: undefined });
      break;
    case "nullable":
      base = fc.option(inner(n.wrapped!), { nil: null });
      break;
    case "non_optional":
    case "non_nullable":
    case "non_nullish":
      base = inner(n.wrapped!);
      break;
    case "array":
      base = depth > 6 ? fc.constant([]) : fc.array(inner(n.item!), { maxLength: 4 });
      break;
    case "object":
    case "strict_object":
    case "loose_object":
    case "object_with_rest": {
      const entries = Object.entries(n.entries ?? {});
      base = fc
        .tuple(
          fc.record(Object.fromEntries(entries.map(([k, e]) => [k, inner(e)]))),
          // An extra key now and then: a strict object refuses it, a loose one ignores it.
          opts.clean
            ? fc.constant(null)
            : fc.option(
                fc.tuple(fc.constantFrom("extra", "__proto__", "constructor", "id"), hostileValue),
              ),
        )
        .map(([rec, extra]) => {
          const out: Record<string, unknown> = {};
          for (const [k, val] of Object.entries(rec)) if (val !== undefined) out[k] = val;
          if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true });
          return out;
        });
      break;
    }
    case "record":
      base =
        depth > 6
          ? fc.constant({})
          : fc.dictionary(
              n.key ? (shapedFor(n.key, opts, depth + 1) as fc.Arbitrary<string>) : fc.string(),
              n.value ? inner(n.value) : fc.anything({ maxDepth: 3 }),
              { maxKeys: 5 },
            );
      break;
    case "union":
    case "variant":
      base = fc.oneof(...(n.options as SchemaNode[]).map(inner));
      break;
    case "lazy":
      base = depth > 6 ? fc.constant(null) : inner(n.getter!());
      break;
    default:
      // unknown, any, custom and kinds not named above: anything JSON can carry.
      base = fc.anything({ maxDepth: 3 });
  }
  if (!pool?.length) return base;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...pool), weight: 3 },
    { arbitrary: base, weight: 1 },
  );
}

/** Replaces one value somewhere inside `example` (a valid body) by a hostile one: the body the
 *  route knows, broken in one place. */
export function mutate(example: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (x: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, [...p, i]));
    else if (x && typeof x === "object") for (const [k, y] of Object.entries(x)) walk(y, [...p, k]);
  };
  walk(example, []);
  return fc
    .tuple(fc.constantFrom(...paths), hostileValue, fc.boolean())
    .map(([path, value, drop]) => {
      const copy = structuredClone(example) as Record<string | number, unknown>;
      if (!path.length) return value;
      let at = copy as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
      const last = path[path.length - 1]!;
      if (drop && !Array.isArray(at)) delete at[last];
      else at[last] = value;
      return copy;
    });
}

/** Raw bodies no schema describes: not JSON, deeply nested, huge, not UTF-8. */
export const rawHostileBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "null",
    "[]",
    '"x"',
    "1e99999",
    "[".repeat(10_000) + "]".repeat(10_000),
    '{"a":'.repeat(5_000) + "1" + "}".repeat(5_000),
    JSON.stringify({ data: "y".repeat(2_000_000) }),
    '{"a":1,"a":2}',
    "\ufeff{}",
  ),
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.constant(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
  fc.constant(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])),
);
