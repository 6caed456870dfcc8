// Templates a tenant can use: the built-ins (code, read-only) and its own clones (rows,
// versioned). A version some campaign was made from is never rewritten: editing it writes
// the next version, and campaigns keep their frozen snapshot anyway.
import { and, count, desc, eq, sql } from "drizzle-orm";
import * as v from "valibot";
import { builtInTemplates, getBuiltInTemplate } from "../../schema/templates";
import { nfcDeep } from "../../schema/rules/text";
import { TemplateDefinition, validateTemplate } from "../../schema/template";
import { issuingOf } from "../../schema/rules/issuing";
import { keyFromName } from "../../schema/rules/keys";
import { campaigns, templates } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { DomainError, fieldErrors, notFound } from "../errors";
import { auditInsert, auditInsertIf } from "./audit";
import type { Ctx } from "./context";

export interface TemplateSummary {
  key: string;
  version: number;
  name: string;
  builtIn: boolean;
  basedOn: string | null;
}

export async function listTemplates(db: TenantDb): Promise<TemplateSummary[]> {
  const rows = await db.select().from(templates).orderBy(templates.key, desc(templates.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r);
  return [
    ...builtInTemplates.map((t) => ({
      key: t.key,
      version: t.version,
      name: t.name,
      builtIn: true,
      basedOn: t.variantOf ?? null,
    })),
    ...[...latest.values()].map((r) => ({
      key: r.key,
      version: r.version,
      name: r.name,
      builtIn: false,
      basedOn: r.basedOnKey,
    })),
  ];
}

/** The definition of `key` (its latest version unless one is named), or 404. */
export async function requireTemplate(
  db: TenantDb,
  { key, version }: { key: string; version?: number },
): Promise<{ def: TemplateDefinition; builtIn: boolean }> {
  const builtIn = getBuiltInTemplate(key);
  if (builtIn) {
    if (version !== undefined && version !== builtIn.version)
      throw notFound("Không có phiên bản mẫu này.");
    return { def: builtIn, builtIn: true };
  }
  const [row] = await db
    .select()
    .from(templates)
    .where(
      version === undefined
        ? eq(templates.key, key)
        : and(eq(templates.key, key), eq(templates.version, version)),
    )
    .orderBy(desc(templates.version))
    .limit(1);
  if (!row) throw notFound("Không tìm thấy mẫu đợt sinh hoạt.");
  return { def: JSON.parse(row.definition) as TemplateDefinition, builtIn: false };
}

/** 422 with each problem under `problems.N`, and again under its path ("steps.3.due.date")
 *  where it has one, so the editor shows it beside the input. */
export function checkDefinition(def: unknown): TemplateDefinition {
  const parsed = v.safeParse(TemplateDefinition, nfcDeep(def));
  if (!parsed.success)
    throw new DomainError(
      "INVALID_BODY",
      "Định nghĩa mẫu chưa hợp lệ.",
      fieldErrors(parsed.issues),
    );
  const check = validateTemplate(parsed.output);
  if (!check.ok)
    throw new DomainError("INVALID_BODY", check.problems.join(" "), {
      ...Object.fromEntries(check.problems.map((p, i) => [`problems.${i}`, p])),
      ...check.at,
    });
  return parsed.output;
}

/**
 * A tenant's own copy of a template. Its key is the one given or, absent, made from the name.
 * Its `issuing` is the tenant's own name and place: the copy of a seed never prints the seed's
 * issuing body (the 2022 "Quận ủy Long Biên") on this đảng bộ's papers.
 */
export async function cloneTemplate(
  { db, actor, now }: Ctx,
  request: { fromKey: string; key?: string | undefined; name: string; tenantName: string },
) {
  const input = { ...request, key: request.key || keyFromName(request.name) };
  if (!input.key)
    throw new DomainError("INVALID_BODY", "Hãy đặt khóa cho mẫu.", {
      key: "Tên không có chữ hay số nào để làm khóa: hãy tự đặt khóa.",
    });
  if (getBuiltInTemplate(input.key))
    throw new DomainError("CONFLICT", "Khóa này trùng với một mẫu có sẵn.", {
      key: "Khóa đã được dùng.",
    });
  const [{ n }] = (await db
    .select({ n: count() })
    .from(templates)
    .where(eq(templates.key, input.key))) as [{ n: number }];
  if (n > 0)
    throw new DomainError("CONFLICT", "Khóa mẫu đã được dùng.", { key: "Khóa đã được dùng." });
  const { def: source } = await requireTemplate(db, { key: input.fromKey });
  const def = checkDefinition({
    ...structuredClone(source),
    key: input.key,
    version: 1,
    name: input.name,
    issuing: issuingOf(request.tenantName),
    variantOf: source.key,
  });
  await db.batch([
    db.insert(templates).values({
      key: def.key,
      version: 1,
      name: def.name,
      definition: JSON.stringify(def),
      basedOnKey: source.key,
      basedOnVersion: source.version,
      createdBy: actor.actorUserId,
      createdAt: now,
      updatedAt: now,
    }),
    auditInsert(
      db,
      {
        ...actor,
        action: "template.clone",
        entity: "template",
        entityId: def.key,
        after: { from: source.key, version: source.version },
      },
      now,
    ),
  ]);
  return { key: def.key, version: 1 };
}

const staleTemplate = () =>
  new DomainError("VERSION_CONFLICT", "Mẫu đã được người khác sửa. Hãy tải lại rồi sửa tiếp.");

/** Saves an edited definition of a tenant template; returns the version it was saved as. */
export async function saveTemplate(
  { db, actor, now }: Ctx,
  input: { key: string; definition: unknown; version: number },
) {
  const { key, definition, version: baseVersion } = input;
  if (getBuiltInTemplate(key))
    throw new DomainError("FORBIDDEN", "Mẫu có sẵn không sửa được: hãy nhân bản rồi sửa bản sao.");
  const [current] = await db
    .select()
    .from(templates)
    .where(eq(templates.key, key))
    .orderBy(desc(templates.version))
    .limit(1);
  if (!current) throw notFound("Không tìm thấy mẫu đợt sinh hoạt.");
  if (current.version !== baseVersion) throw staleTemplate();
  const [{ used }] = (await db
    .select({ used: count() })
    .from(campaigns)
    .where(
      and(eq(campaigns.templateKey, key), eq(campaigns.templateVersion, current.version)),
    )) as [{ used: number }];
  const version = used > 0 ? current.version + 1 : current.version;
  const def = checkDefinition({ ...(definition as object), key, version });
  const row = { name: def.name, definition: JSON.stringify(def), updatedAt: now };
  // The audit row names the parts that changed (steps, lists…), never their text.
  const old = JSON.parse(current.definition) as Record<string, unknown>;
  const parts = Object.keys({ ...old, ...def })
    .filter(
      (k) =>
        k !== "version" &&
        JSON.stringify(old[k]) !== JSON.stringify((def as Record<string, unknown>)[k]),
    )
    .sort();
  const [written] = await db.batch([
    used > 0
      ? db
          .insert(templates)
          .values({
            ...row,
            key,
            version,
            basedOnKey: current.basedOnKey,
            basedOnVersion: current.basedOnVersion,
            createdBy: actor.actorUserId,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning({ key: templates.key })
      : db
          .update(templates)
          .set(row)
          .where(
            and(
              eq(templates.key, key),
              eq(templates.version, version),
              // Saved by someone else since it was read: nothing written, 409 below. The
              // definition itself is compared: two saves may share a millisecond.
              eq(templates.updatedAt, current.updatedAt),
              eq(templates.definition, current.definition),
            ),
          )
          .returning({ key: templates.key }),
    // Only when the row was written (the update finds it unless it went meanwhile).
    auditInsertIf(
      db,
      {
        ...actor,
        action: "template.save",
        entity: "template",
        entityId: key,
        before: { version: current.version },
        after: { version, parts },
      },
      now,
      sql`changes() = 1`,
    ),
  ]);
  if (written.length !== 1) throw staleTemplate();
  return { key, version };
}
