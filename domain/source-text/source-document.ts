/**
 * @module A region's source document, indexed for the two questions the validator asks:
 * does this quote occur verbatim, and under which numbered clause?
 *
 * Matching ignores whitespace only: the documents were copied from PDFs and web pages and carry
 * stray spaces and line breaks (`2022 年底`), which are not part of the words.
 */
import { buildClauseOutline, clauseAt } from './clause-outline.ts'
import type { Clause } from './clause-outline.ts'

export interface QuoteMatch {
  /** Offset of the quote's first character in the original text. */
  offset: number
  /** The clause the quote stands in, e.g. `四、(二)`, or `首部` before the first heading. */
  clause: string
}

export class SourceDocument {
  readonly text: string
  readonly clauses: Clause[]
  /** The text without whitespace, and for each of its characters the offset in `text`. */
  readonly #compact: string
  readonly #offsets: number[]

  constructor(text: string) {
    this.text = text
    this.clauses = buildClauseOutline(text)
    const chars: string[] = []
    const offsets: number[] = []
    for (let index = 0; index < text.length; index++) {
      const char = text[index]!
      if (/\s/.test(char)) continue
      chars.push(char)
      offsets.push(index)
    }
    this.#compact = chars.join('')
    this.#offsets = offsets
  }

  /** Every place the quote occurs (whitespace ignored), in document order. */
  findQuote(quote: string): QuoteMatch[] {
    const needle = quote.replace(/\s+/g, '')
    if (needle === '') return []
    const matches: QuoteMatch[] = []
    for (
      let at = this.#compact.indexOf(needle);
      at >= 0;
      at = this.#compact.indexOf(needle, at + 1)
    ) {
      const offset = this.#offsets[at]!
      matches.push({ offset, clause: clauseAt(this.clauses, offset) })
    }
    return matches
  }
}

/** Folds the spellings of a clause label together: ASCII parentheses, no spaces or dots. */
export function normalizeClause(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[.．。]/g, '')
    .replace(/,/g, '、')
}

/**
 * True when an author's clause label agrees with where the quote stands: the same path, or one
 * more or less specific (`二、` for a quote in `二、(四)3`, `二、(五)一是` for one in `二、(五)`).
 */
export function clauseAgrees(written: string, actual: string): boolean {
  const a = normalizeClause(written)
  const b = normalizeClause(actual)
  return a.startsWith(b) || b.startsWith(a)
}
