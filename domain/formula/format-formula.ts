/**
 * @module Writes a parsed formula back as text: for messages ("除数 total_visits 为 0") and for
 * readers, with element names and operators as read (`×`, `≥`, 且/and). Browser-safe.
 */
import type { FormulaNode } from './parse-formula.ts'

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '>': 4,
  '>=': 4,
  '<': 4,
  '<=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
}

/** How `formatFormula` writes a node: element ids or names, and operators as typed or as read. */
export interface FormulaStyle {
  name?: (id: string) => string
  /** `×`, `÷`, `≥`, `≤`, `≠`, `且`/`and`… instead of `*`, `/`, `>=`, `<=`, `!=`, `&&`. */
  symbols?: Partial<Record<string, string>>
}

/** Operators as a reader writes them, in either language; `&&` and `||` are words. */
export const READABLE_OPERATORS = {
  zh: {
    '*': '×',
    '/': '÷',
    '>=': '≥',
    '<=': '≤',
    '!=': '≠',
    '==': '=',
    '&&': '且',
    '||': '或',
    '!': '非',
  },
  en: {
    '*': '×',
    '/': '÷',
    '>=': '≥',
    '<=': '≤',
    '!=': '≠',
    '==': '=',
    '&&': 'and',
    '||': 'or',
    '!': 'not ',
  },
} as const

/** Writes a node back as formula text (for messages: "除数 total_visits 为 0"). */
export function formatFormula(node: FormulaNode, parent = 0, style: FormulaStyle = {}): string {
  switch (node.type) {
    case 'number':
      return String(node.value)
    case 'boolean':
      return String(node.value)
    case 'element':
      return style.name ? style.name(node.id) : node.id
    case 'unary':
      return `${style.symbols?.[node.operator] ?? node.operator}${formatFormula(node.argument, 7, style)}`
    case 'binary': {
      const own = PRECEDENCE[node.operator]!
      const text = `${formatFormula(node.left, own, style)} ${style.symbols?.[node.operator] ?? node.operator} ${formatFormula(node.right, own + 1, style)}`
      return own < parent ? `(${text})` : text
    }
  }
}
