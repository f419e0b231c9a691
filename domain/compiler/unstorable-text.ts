/**
 * @module Text no database stores as written. PostgreSQL refuses a NUL (U+0000) in text; a lone
 * surrogate — half of a UTF-16 pair, which a JSON `\ud800` or a YAML `"\ud800"` escape makes —
 * is stored by either database as U+FFFD, changing the text without a word (and breaking the
 * hash of an audit row that carried it). Such text is refused where it comes in: a request body
 * (server/http/middleware/valid-json.ts) and a policy config (checks/characters.ts).
 */

/** True when `text` holds U+0000. */
export const hasNul = (text: string): boolean => text.includes('\u0000')

/** True when `text` holds half of a surrogate pair without the other half. */
export const hasLoneSurrogate = (text: string): boolean => !text.isWellFormed()

/**
 * JSON pointers (RFC 6901) of the strings — keys or values — that `bad` picks, at most `limit`
 * of them. Walks with its own stack, so a deeply nested body cannot overflow ours.
 */
export function findStrings(value: unknown, bad: (text: string) => boolean, limit = 20): string[] {
  const found: string[] = []
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer: '' }]
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')
  while (stack.length > 0 && found.length < limit) {
    const { value: current, pointer } = stack.pop()!
    if (typeof current === 'string') {
      if (bad(current)) found.push(pointer)
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push({ value: current[index], pointer: `${pointer}/${index}` })
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current)
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index]!
        const at = `${pointer}/${escape(key)}`
        if (bad(key)) found.push(at)
        stack.push({ value: child, pointer: at })
      }
    }
  }
  return found.slice(0, limit)
}
