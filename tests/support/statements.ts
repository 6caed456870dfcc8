// Counting what code sends to the database: wraps a libSQL client's `execute` and `batch`
// for the length of one call and records each statement with its arguments. This counts
// round trips and captures SQL for EXPLAIN; it changes nothing the database answers.
import type { Client, InStatement } from "@libsql/client";

export interface Recorded {
  sql: string;
  args: unknown;
  /** Which call carried it: a batch's statements share their round trip. */
  roundTrip: number;
}

export async function recordStatements<T>(
  client: Client,
  run: () => Promise<T>,
  into: Recorded[] = [],
): Promise<Recorded[] & { result?: T; roundTrips: number }> {
  const { execute, batch } = client;
  let roundTrips = 0;
  const note = (s: InStatement, trip: number) =>
    into.push(
      typeof s === "string"
        ? { sql: s, args: [], roundTrip: trip }
        : { sql: s.sql, args: s.args ?? [], roundTrip: trip },
    );
  client.execute = ((s: InStatement, args?: unknown) => {
    note(typeof s === "string" && args ? { sql: s, args: args as never } : s, ++roundTrips);
    return (execute as (...a: unknown[]) => unknown).call(client, s, args);
  }) as Client["execute"];
  client.batch = ((stmts: InStatement[], mode?: unknown) => {
    const trip = ++roundTrips;
    for (const s of stmts) note(s, trip);
    return (batch as (...a: unknown[]) => unknown).call(client, stmts, mode);
  }) as Client["batch"];
  try {
    const result = await run();
    return Object.assign(into, { result, roundTrips });
  } finally {
    client.execute = execute;
    client.batch = batch;
  }
}
