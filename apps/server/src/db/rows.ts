/** How many rows some deletes and updates removed or changed, added up (for counts and audit entries). */
export const rowsTouched = (results: { numDeletedRows?: bigint; numUpdatedRows?: bigint }[]) =>
  results.reduce((n, r) => n + Number(r.numDeletedRows ?? 0) + Number(r.numUpdatedRows ?? 0), 0);
