// The unit tree and its members, with each member's dated status changes.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";
import { MEMBER_STATUSES } from "../vocab/member-statuses";
import { UNIT_KINDS } from "../vocab/unit-kinds";

export const units = sqliteTable(
  "units",
  {
    id: id(),
    name: text("name").notNull(),
    kind: text("kind", { enum: UNIT_KINDS }).notNull(),
    parentId: text("parent_id"),
    /** Materialised path `/rootId/…/id/`: a subtree is one indexed prefix range. */
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    /** YYYY-MM-DD (ICT) from which the unit no longer counts; history stays. */
    closedOn: text("closed_on"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("units_parent_idx").on(t.parentId), index("units_path_idx").on(t.path)],
);

export const members = sqliteTable(
  "members",
  {
    id: id(),
    fullName: text("full_name").notNull(),
    /** Lower-case, diacritics folded (đ → d): what name search compares against. */
    searchName: text("search_name").notNull(),
    birthYear: integer("birth_year"),
    email: text("email"),
    phone: text("phone"),
    unitId: text("unit_id").notNull(),
    position: text("position"),
    /** Lower speaks first: the directives have leaders present first. */
    leadershipRank: integer("leadership_rank").notNull().default(100),
    status: text("status", { enum: MEMBER_STATUSES }).notNull(),
    statusSince: text("status_since"),
    managedByStandingCommittee: integer("managed_by_standing_committee", { mode: "boolean" })
      .notNull()
      .default(false),
    mustPublishPlan: integer("must_publish_plan", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("members_unit_idx").on(t.unitId),
    index("members_email_idx").on(t.email),
    index("members_search_idx").on(t.searchName),
  ],
);

/** Status changes with the date each took effect, so eligibility on any date follows from
 *  data (a member excused from 15/4 leaves the counts from 15/4, not from when it was typed). */
export const memberStatusHistory = sqliteTable(
  "member_status_history",
  {
    id: id(),
    memberId: text("member_id").notNull(),
    status: text("status", { enum: MEMBER_STATUSES }).notNull(),
    /** YYYY-MM-DD (ICT) from which the status holds. */
    since: text("since").notNull(),
    note: text("note"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorUserId: text("actor_user_id"),
  },
  (t) => [index("member_status_member_idx").on(t.memberId, t.since)],
);
