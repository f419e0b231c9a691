/**
 * @module Checks traceability: every `source.quote` occurs verbatim in the region's source
 * document (`quote-not-found`), and its `clause` agrees with where it stands (`clause-mismatch`,
 * a warning: the outline is read from plain text and may miss an unusual heading).
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { clauseAgrees } from '../../source-text/source-document.ts'
import type { SourceDocument } from '../../source-text/source-document.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

/** A `source` object found in the config, and the pointer to it. */
export interface SourceReference {
  pointer: string
  clause: string
  quote: string
}

/** Walks the whole config for `source: { clause, quote }` objects. */
export function collectSources(
  value: unknown,
  pointer = '',
  found: SourceReference[] = [],
): SourceReference[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectSources(item, `${pointer}/${index}`, found))
    return found
  }
  if (!isRecord(value)) return found
  for (const [key, child] of Object.entries(value)) {
    if (
      key === 'source' &&
      isRecord(child) &&
      typeof child.quote === 'string' &&
      typeof child.clause === 'string'
    ) {
      found.push({ pointer: `${pointer}/source`, clause: child.clause, quote: child.quote })
      // Further quotes of the same element (`also`) are checked one by one.
      list<Record<string, unknown>>(child.also).forEach((more, index) => {
        if (isRecord(more) && typeof more.quote === 'string' && typeof more.clause === 'string')
          found.push({
            pointer: `${pointer}/source/also/${index}`,
            clause: more.clause,
            quote: more.quote,
          })
      })
    } else if (key !== 'schema') {
      collectSources(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, found)
    }
  }
  return found
}

export const checkSources: PolicyCheck = ({ policy, source }) => {
  if (!source) return []
  const issues: ConfigIssue[] = []
  for (const reference of collectSources(policy)) {
    const matches = source.findQuote(reference.quote)
    if (matches.length === 0) {
      const { matched, next } = longestPrefix(source, reference.quote)
      issues.push(
        configIssue('quote-not-found', `${reference.pointer}/quote`, {
          zh: `引文在来源文件中找不到（已忽略空白）。${matched ? `前 ${matched.length} 个字「${matched}」能对上，之后原文是「${next}」。` : '开头第一个字就对不上。'}请从 source.txt 原样复制。`,
          en: `The quote does not occur in the source document (whitespace ignored). ${matched ? `Its first ${matched.length} characters match; the source then reads "${next}".` : 'Not even its first character matches.'} Copy it from source.txt.`,
        }),
      )
      continue
    }
    if (!matches.some((match) => clauseAgrees(reference.clause, match.clause))) {
      const actual = matches[0]!.clause
      issues.push(
        configIssue(
          'clause-mismatch',
          `${reference.pointer}/clause`,
          {
            zh: `条款「${reference.clause}」与引文所在位置不符：引文在「${actual}」下。请改为 ${actual}。`,
            en: `Clause "${reference.clause}" does not match where the quote stands: it is under "${actual}". Write ${actual}.`,
          },
          'warning',
        ),
      )
    }
  }
  return issues
}

/** How much of the quote's start does occur, and what the source says after it. */
function longestPrefix(source: SourceDocument, quote: string): { matched: string; next: string } {
  const compact = quote.replace(/\s+/g, '')
  let low = 0
  let high = compact.length
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (source.findQuote(compact.slice(0, middle)).length > 0) low = middle
    else high = middle - 1
  }
  if (low === 0) return { matched: '', next: '' }
  const match = source.findQuote(compact.slice(0, low))[0]!
  const after = source.text
    .slice(match.offset)
    .replace(/\s+/g, '')
    .slice(low, low + 12)
  return { matched: compact.slice(0, low), next: after }
}
