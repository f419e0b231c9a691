/**
 * @module The numbered-clause outline of a Chinese policy document: `一、` headings, `(一)`
 * sub-headings, `1.` items, annexes (`附件:`) and scoring-table titles (`…考核表`).
 *
 * Headings are recognised where the documents put them: at a line start, or (as in Meishan's
 * copy, which runs several headings on one line) after whitespace.
 */

export interface Clause {
  /** The heading path, e.g. `四、(二)`, `二、(四)3`, `附件四、`, `附件考核表`. */
  label: string
  /** Offset in the text where the heading starts. */
  offset: number
  /** The heading's own line of text (trimmed, up to 40 characters), for coverage reports. */
  title: string
  level: 1 | 2 | 3
}

const NUMERALS = '一二三四五六七八九十'
const LEVEL_1 = new RegExp(`^[${NUMERALS}]{1,3}、`)
const LEVEL_2 = new RegExp(`^[(（][${NUMERALS}]{1,3}[)）]`)
const LEVEL_3 = /^(\d{1,2})\s*[.．](?!\d)/
const PAGE_MARK = /^—\d+—\s*/

/** Scans the text once and returns its headings in order. */
export function buildClauseOutline(text: string): Clause[] {
  const clauses: Clause[] = []
  let prefix = ''
  let path: [string, string, string] = ['', '', '']
  const push = (level: 1 | 2 | 3, marker: string, offset: number, rest: string) => {
    if (level === 1) path = [marker, '', '']
    if (level === 2) path = [path[0], marker, '']
    if (level === 3) path = [path[0], path[1], marker]
    const title = rest.trim().slice(0, 40)
    clauses.push({ label: prefix + path.join(''), offset, title, level })
  }
  // Candidate heading starts: the beginning of every line and every run of whitespace.
  const starts = /(^|\n|[ \t\u3000]+)/g
  let match: RegExpExecArray | null
  while ((match = starts.exec(text))) {
    let offset = match.index + match[0].length
    if (match[0] === '' && match.index !== 0) {
      starts.lastIndex++
      continue
    }
    let rest = text.slice(offset, offset + 200)
    const page = PAGE_MARK.exec(rest)
    if (page) {
      offset += page[0].length
      rest = rest.slice(page[0].length)
    }
    // A page mark between two runs of whitespace leads back to the same heading: see it once.
    if (clauses.at(-1)?.offset === offset) continue
    const line = rest.split('\n')[0] ?? ''
    const atLineStart =
      match.index === 0 || match[0].startsWith('\n') || isLineStart(text, match.index)
    if (/^附件[:：]\s*$/.test(line)) {
      prefix = '附件'
      path = ['', '', '']
      continue
    }
    if (prefix && /^[^，。,;；:：]{4,40}考核表\s*$/.test(line)) {
      path = ['考核表', '', '']
      if (clauses.at(-1)?.label !== prefix + '考核表') {
        clauses.push({ label: prefix + '考核表', offset, title: line.trim(), level: 1 })
      }
      continue
    }
    let heading: RegExpExecArray | null
    if (atLineStart && (heading = LEVEL_1.exec(rest))) push(1, heading[0], offset, line)
    else if ((heading = LEVEL_2.exec(rest)))
      push(2, heading[0].replace(/[（]/, '(').replace(/[）]/, ')'), offset, line)
    else if ((heading = LEVEL_3.exec(rest))) push(3, heading[1]!, offset, line)
    if (match[0] === '') starts.lastIndex++
  }
  return clauses
}

/** True when only whitespace or a page mark stands between the previous newline and `index`. */
function isLineStart(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1
  return /^[\s\u3000]*(—\d+—)?[\s\u3000]*$/.test(text.slice(lineStart, index))
}

/** Text before the first heading: the addressees and the preamble. */
export const PREAMBLE_CLAUSE = '首部'

/** The label of the clause in force at `offset` ({@link PREAMBLE_CLAUSE} before the first heading). */
export function clauseAt(clauses: readonly Clause[], offset: number): string {
  let label = PREAMBLE_CLAUSE
  for (const clause of clauses) {
    if (clause.offset > offset) break
    label = clause.label
  }
  return label
}
