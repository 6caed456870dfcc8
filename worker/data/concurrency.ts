// Optimistic concurrency for rows written with a version the writer started from.

/** Whether a write that started from `version` is stale: the row has moved on since, or
 *  there is no row yet and the writer claims to have seen one. */
export const isStaleWrite = (
  existing: { version: number } | null | undefined,
  version: number | undefined,
) => (existing ? existing.version !== version : version !== undefined && version !== 0);
