/**
 * @module The one escape for text put into HTML outside Lit's templates — chart tooltips above
 * all, which ECharts sets as `innerHTML`. Names there come from a policy config or a user
 * (phase, unit, indicator and grade names), so each is escaped where it lands.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * The text as HTML that shows exactly that text: `&`, `<`, `>`, `"` and `'` become entities, so
 * it is safe both between tags and inside a quoted attribute.
 * @param text Any value; `null` and `undefined` give `''`, others their `String()`.
 * @example
 * `<strong>${escapeHtml(phase.name)}</strong>` // '<img src=x>' → '&lt;img src=x&gt;'
 */
export function escapeHtml(text: unknown): string {
  if (text === null || text === undefined) return ''
  return String(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!)
}
