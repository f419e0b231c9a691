/**
 * @module The document's own structure as a grouping for progress, apart from the time phases:
 * each duty belongs to the part (一、 二、 … 附件) its `source.clause` stands in, in the order
 * the parts first appear. Browser-safe.
 */

/** The top-level part of a clause path: `二、(三)1` → `二、`, `附件考核表` → `附件`, `首部` → `首部`. */
export function documentPart(clause: string): string {
  if (clause.startsWith('附件')) return '附件'
  const top = /^[一二三四五六七八九十]+、/.exec(clause)
  return top ? top[0] : clause
}

/** The parts of a list of duties, in first-appearance order, with the ids of the duties in each. */
export function dutiesByPart(
  duties: ReadonlyArray<{ id: string; source?: { clause: string } }>,
): Array<{ part: string; duties: string[] }> {
  const parts = new Map<string, string[]>()
  for (const duty of duties) {
    const part = duty.source ? documentPart(duty.source.clause) : '（未注明出处）'
    parts.set(part, [...(parts.get(part) ?? []), duty.id])
  }
  return [...parts.entries()].map(([part, ids]) => ({ part, duties: ids }))
}
