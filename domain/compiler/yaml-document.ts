/**
 * @module Parses policy YAML keeping positions, so every issue found later by JSON pointer can
 * be shown at its line and column.
 *
 * Two parsers, one meaning: js-yaml (core schema) reads the data, because it is about four times
 * faster than `yaml` on our configs; `yaml` builds the positioned tree only when something has
 * to be located — an issue — or when js-yaml rejects the text, so that syntax errors get
 * `yaml`'s precise positions. Both follow the YAML 1.2 core schema (`2018-06-22` and `yes` stay
 * strings), and a test checks they read every bundled policy identically.
 */
import { load as loadFast, CORE_SCHEMA } from 'js-yaml'
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  YAMLParseError,
} from 'yaml'
import type { Document, Node, YAMLError } from 'yaml'
import { configIssue, fromPointer } from './config-issue.ts'
import type { ConfigIssue } from './config-issue.ts'

/** A parsed YAML text that can answer "where is this JSON pointer?". */
export interface YamlSource {
  /** The plain data (undefined when the text has no document). */
  value: unknown
  /** YAML syntax problems, already positioned. */
  issues: ConfigIssue[]
  /** Line and column of the node a pointer names, or of its nearest existing ancestor. */
  locate(pointer: string, options?: { key?: boolean }): { line: number; col: number }
}

/**
 * Parses YAML 1.2 (core schema). Duplicate keys and syntax errors become `yaml-syntax` issues;
 * the text is never thrown at.
 */
export function parseYamlSource(text: string): YamlSource {
  let positioned: PositionedYaml | undefined
  const withPositions = () => (positioned ??= parsePositioned(text))
  let value: unknown
  try {
    value = loadFast(text, { schema: CORE_SCHEMA })
  } catch {
    const { issues, doc } = withPositions()
    const fatal = issues.some((issue) => issue.severity === 'error')
    return {
      value: fatal ? undefined : doc.toJS({ maxAliasCount: 100 }),
      issues,
      locate: (pointer, options) => withPositions().locate(pointer, options),
    }
  }
  return {
    value,
    issues: [],
    locate: (pointer, options) => withPositions().locate(pointer, options),
  }
}

/** YAML parsed into a document with positions (`yaml` package). */
export interface PositionedYaml {
  doc: Document
  issues: ConfigIssue[]
  locate(pointer: string, options?: { key?: boolean }): { line: number; col: number }
}

/** Parses with the `yaml` package, which keeps every node's range. */
export function parsePositioned(text: string): PositionedYaml {
  const lineCounter = new LineCounter()
  // `uniqueKeys: true` compares each key with every earlier key of its map, which is quadratic:
  // 200,000 keys took minutes. Duplicates are found below with a set per map instead.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false })
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, col }
  }
  const issues: ConfigIssue[] = [...doc.errors, ...doc.warnings, ...duplicateKeys(doc)].map(
    (error) => {
      const at = position(error.pos[0])
      const reason = error.message.split('\n')[0] ?? error.message
      return {
        ...configIssue(
          'yaml-syntax',
          '',
          {
            zh: `YAML 语法错误：${translateYamlError(error.code)}。请检查第 ${at.line} 行第 ${at.col} 列附近的缩进、冒号和引号。(${reason})`,
            en: `YAML syntax error: ${reason}. Check indentation, colons and quotes near line ${at.line}, column ${at.col}.`,
          },
          error.name === 'YAMLWarning' ? 'warning' : 'error',
        ),
        ...at,
      }
    },
  )
  return {
    doc,
    issues,
    locate(pointer, options = {}) {
      const node = findNode(doc.contents, fromPointer(pointer), options.key ?? false)
      return position(node?.range?.[0] ?? 0)
    },
  }
}

/** A `DUPLICATE_KEY` error at each scalar key repeated in its map, as `uniqueKeys` reports it. */
function duplicateKeys(doc: Document): YAMLError[] {
  const errors: YAMLError[] = []
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>()
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue
        const [start, end] = pair.key.range ?? [0, 0]
        if (seen.has(pair.key.value))
          errors.push(new YAMLParseError([start, end], 'DUPLICATE_KEY', 'Map keys must be unique'))
        seen.add(pair.key.value)
      }
    },
  })
  return errors
}

/** Walks the YAML tree along pointer tokens; stops at the deepest node that exists. */
function findNode(root: unknown, tokens: string[], wantKey: boolean): Node | undefined {
  let node = root as Node | undefined
  for (const [index, token] of tokens.entries()) {
    const last = index === tokens.length - 1
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === token,
      )
      if (!pair) return node
      if (last && isScalar(pair.key)) {
        // A block mapping or list starts on the line after its key; people look for the key.
        const value = pair.value
        const isBlock = (isMap(value) || isSeq(value)) && !value.flow
        if (wantKey || isBlock) return pair.key
      }
      node = (pair.value ?? pair.key) as Node
    } else if (isSeq(node)) {
      const item = node.items[Number(token)]
      if (!item) return node
      node = item as Node
    } else {
      return node
    }
  }
  return node
}

/** Chinese names for the yaml package's error codes. */
function translateYamlError(code: string): string {
  const names: Record<string, string> = {
    DUPLICATE_KEY: '同一层级出现重复的键',
    BAD_INDENT: '缩进不正确',
    MISSING_CHAR: '缺少字符（如冒号或引号）',
    MULTILINE_IMPLICIT_KEY: '键不能跨行',
    BLOCK_AS_IMPLICIT_KEY: '键的写法不正确',
    UNEXPECTED_TOKEN: '出现了意外的符号',
    TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
    BAD_SCALAR_START: '值的开头字符不合法',
    ALIAS_PROPS: '别名写法不正确',
    MULTIPLE_DOCS: '一个文件只能有一个文档',
  }
  return names[code] ?? '无法解析'
}
