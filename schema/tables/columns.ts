// Shared column helpers so every table spells ids and timestamps the same way.
// Instants are UTC milliseconds (DESIGN.md §3: store instants in UTC, show in ICT).
import { integer, text } from "drizzle-orm/sqlite-core";

export const id = () => text("id").primaryKey();
export const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull();
export const updatedAt = () => integer("updated_at", { mode: "timestamp_ms" }).notNull();
