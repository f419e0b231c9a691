/**
 * @module Parses indicator formulas and conditions (`primary_visits / total_visits * 100`,
 * `suspended || violation_permille >= 5`) into a small AST. Parsing only — nothing is ever
 * evaluated with `eval`; the evaluator walks this AST.
 */
import jsep from 'jsep'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

export type FormulaNode =
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'element'; id: string }
  | { type: 'unary'; operator: '-' | '!'; argument: FormulaNode }
  | { type: 'binary'; operator: BinaryOperator; left: FormulaNode; right: FormulaNode }

export const BINARY_OPERATORS = [
  '+',
  '-',
  '*',
  '/',
  '>',
  '>=',
  '<',
  '<=',
  '==',
  '!=',
  '&&',
  '||',
] as const
export type BinaryOperator = (typeof BINARY_OPERATORS)[number]

export type ParseFormulaResult =
  { ok: true; ast: FormulaNode; elements: string[] } | { ok: false; message: LocalizedText }

/** Parses a formula; the result lists the data element ids it reads. */
export function parseFormula(text: string): ParseFormulaResult {
  let tree: jsep.Expression
  try {
    tree = jsep(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      message: {
        zh: `公式「${text}」无法解析：${reason}。只能使用数据元素标识、数字、+ - * / ( )、比较符和 && ||。`,
        en: `Cannot parse the formula "${text}": ${reason}. Use data element ids, numbers, + - * / ( ), comparisons and && ||.`,
      },
    }
  }
  const elements = new Set<string>()
  try {
    const ast = convert(tree, elements)
    return { ok: true, ast, elements: [...elements] }
  } catch (error) {
    const what = error instanceof UnsupportedSyntax ? error.what : String(error)
    return {
      ok: false,
      message: {
        zh: `公式「${text}」含不支持的写法（${what}）。只能使用数据元素标识、数字、+ - * / ( )、比较符和 && ||。`,
        en: `The formula "${text}" uses unsupported syntax (${what}). Use data element ids, numbers, + - * / ( ), comparisons and && ||.`,
      },
    }
  }
}

class UnsupportedSyntax extends Error {
  readonly what: string
  constructor(what: string) {
    super(what)
    this.what = what
  }
}

function convert(node: jsep.Expression, elements: Set<string>): FormulaNode {
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value
      if (typeof value === 'number') return { type: 'number', value }
      if (typeof value === 'boolean') return { type: 'boolean', value }
      throw new UnsupportedSyntax(`literal ${String((node as jsep.Literal).raw)}`)
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name
      if (name === 'true' || name === 'false') return { type: 'boolean', value: name === 'true' }
      elements.add(name)
      return { type: 'element', id: name }
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression
      if (unary.operator === '+') return convert(unary.argument, elements)
      if (unary.operator !== '-' && unary.operator !== '!')
        throw new UnsupportedSyntax(unary.operator)
      return {
        type: 'unary',
        operator: unary.operator,
        argument: convert(unary.argument, elements),
      }
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression
      const operator =
        binary.operator === '===' ? '==' : binary.operator === '!==' ? '!=' : binary.operator
      if (!(BINARY_OPERATORS as readonly string[]).includes(operator))
        throw new UnsupportedSyntax(binary.operator)
      return {
        type: 'binary',
        operator: operator as BinaryOperator,
        left: convert(binary.left, elements),
        right: convert(binary.right, elements),
      }
    }
    default:
      throw new UnsupportedSyntax(node.type)
  }
}
