/**
 * @module Where in a YAML document the cursor stands, from indentation alone: the path of the
 * mapping being written (`*` for a list item), whether a key or a value is being typed, and the
 * word typed so far. A heuristic that needs no parse, so it works on half-written text.
 */

/** The cursor's place in the document, for completion. */
export interface CursorContext {
  /** Keys from the root to the mapping or list the cursor is in; `*` stands for a list item. */
  path: string[]
  /** `key`: a key of the mapping at `path`; `value`: the value at `path` (a scalar or a list item). */
  mode: 'key' | 'value'
  /** The word typed so far. */
  prefix: string
  /** Column (0-based) where the word starts. */
  from: number
  /** Keys the mapping already has (block style only), so they are not offered again. */
  present: string[]
  /** Inside `{ … }` or `[ … ]` on one line. */
  flow?: boolean
}

interface LineShape {
  indent: number
  /** Columns of the `- ` markers. */
  dashes: number[]
  key?: string
  keyCol: number
  /** Text after `key:`. */
  rest: string
}

const SHAPE = /^(\s*)((?:-(?:\s+|$))*)(?:([^\s:#{}[\],'"][^:#]*?)\s*:(?:\s+(.*)|$))?/

function shapeOf(line: string): LineShape | undefined {
  if (/^\s*(#|$)/.test(line)) return undefined
  const match = SHAPE.exec(line)!
  const indent = match[1]!.length
  const dashes: number[] = []
  const marks = match[2]!
  for (let i = 0; i < marks.length; i++) if (marks[i] === '-') dashes.push(indent + i)
  const shape: LineShape = {
    indent,
    dashes,
    keyCol: indent + marks.length,
    rest: (match[4] ?? '').trim(),
  }
  if (match[3] !== undefined) shape.key = match[3]
  return shape
}

/** True when a `key:` line opens a block (its value follows on the next lines). */
const opensBlock = (rest: string) =>
  rest === '' || /^[|>][-+]?\d*\s*(#.*)?$/.test(rest) || rest.startsWith('#')

/**
 * The path of the block mapping whose keys stand at column `limit`, found by walking up through
 * less-indented lines, and the keys already present at that column.
 */
function blockPath(
  lineAt: (index: number) => string | undefined,
  index: number,
  limit: number,
): { path: string[]; present: string[] } {
  const path: string[] = []
  const present: string[] = []
  const column = limit
  let insideItem = false
  for (let i = index - 1; i >= 0 && limit > 0; i--) {
    const shape = shapeOf(lineAt(i) ?? '')
    if (!shape) continue
    if (shape.indent >= limit && !(shape.dashes.length && shape.dashes[0]! < limit)) {
      if (shape.key && shape.keyCol === column && path.length === 0 && !insideItem)
        present.push(shape.key)
      continue
    }
    if (shape.key && shape.keyCol === column && path.length === 0 && !insideItem)
      present.push(shape.key)
    if (shape.key && shape.keyCol < limit) {
      if (!opensBlock(shape.rest)) break
      path.unshift(shape.key)
      limit = shape.keyCol
    }
    for (let d = shape.dashes.length - 1; d >= 0; d--) {
      if (shape.dashes[d]! < limit) {
        path.unshift('*')
        limit = shape.dashes[d]!
        insideItem = true
      }
    }
  }
  // Keys written below the cursor in the same mapping count as present too.
  for (let i = index + 1; ; i++) {
    const line = lineAt(i)
    if (line === undefined) break
    const shape = shapeOf(line)
    if (!shape) continue
    if (shape.indent < column && !(shape.dashes.length === 0 && shape.indent === column)) break
    if (shape.dashes.length === 0 && shape.key && shape.keyCol === column) present.push(shape.key)
  }
  return { path, present }
}

/**
 * Reads the cursor's context.
 * @param lineAt the document's lines by 0-based index (undefined past the end)
 * @param index the cursor's line
 * @param column the cursor's column in that line
 * @example cursorContext((i) => lines[i], 3, 6) // → { path: ['metadata'], mode: 'key', prefix: 'ti', … }
 */
export function cursorContext(
  lineAt: (index: number) => string | undefined,
  index: number,
  column: number,
): CursorContext | undefined {
  const before = (lineAt(index) ?? '').slice(0, column)
  if (/(^|\s)#/.test(before)) return undefined
  const shape = shapeOf(before) ?? {
    indent: before.length,
    dashes: [],
    keyCol: before.length,
    rest: '',
  }
  const own = shape.dashes
  const start = own.length ? own[0]! : shape.keyCol
  const outer = blockPath(lineAt, index, start)
  const base = [...outer.path, ...own.map(() => '*')]
  const present = own.length ? [] : outer.present
  const flowAt = firstFlowOpen(before)
  if (flowAt >= 0)
    return flowContext(
      before,
      flowAt,
      shape.key !== undefined && shape.keyCol < flowAt ? [...base, shape.key] : base,
    )
  const valueMatch = /^(\s*)((?:-\s+)*)([^\s:#{}[\],'"][^:#]*?)\s*:\s+(\S*)$/.exec(before)
  if (valueMatch) {
    const prefix = valueMatch[4]!.replace(/^['"]/, '')
    return {
      path: [...base, valueMatch[3]!],
      mode: 'value',
      prefix,
      from: column - prefix.length,
      present: [],
    }
  }
  const keyMatch = /^(\s*)((?:-\s+)*)([\w$-]*)$/.exec(before)
  if (!keyMatch) return undefined
  const prefix = keyMatch[3]!
  return { path: base, mode: 'key', prefix, from: column - prefix.length, present }
}

/** Column of the first unquoted `{` or `[` on the line, or -1. */
function firstFlowOpen(text: string): number {
  let quote = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quote) {
      if (char === quote) quote = ''
    } else if (char === "'" || char === '"') quote = char
    else if (char === '#' && (i === 0 || /\s/.test(text[i - 1]!))) return -1
    else if (char === '{' || char === '[') return i
  }
  return -1
}

/** The context inside flow collections (`{ id: a, kind: d` or `[assignee, r`). */
function flowContext(text: string, at: number, base: string[]): CursorContext | undefined {
  const frames: Array<{ kind: '{' | '['; key: string | undefined }> = []
  const path = [...base]
  let quote = ''
  let token = ''
  let key: string | undefined
  for (let i = at; i < text.length; i++) {
    const char = text[i]!
    if (quote) {
      if (char === quote) quote = ''
      token += char
      continue
    }
    if (char === "'" || char === '"') {
      quote = char
      token += char
    } else if (char === '{' || char === '[') {
      const top = frames[frames.length - 1]
      if (top) path.push(top.kind === '[' ? '*' : (key ?? ''))
      frames.push({ kind: char, key })
      key = undefined
      token = ''
    } else if (char === '}' || char === ']') {
      const closed = frames.pop()
      if (frames.length) path.pop()
      key = closed?.key
      token = ''
    } else if (char === ',') {
      key = undefined
      token = ''
    } else if (char === ':' && frames[frames.length - 1]?.kind === '{' && key === undefined) {
      key = token.trim()
      token = ''
    } else token += char
  }
  const top = frames[frames.length - 1]
  if (!top || quote) return undefined
  const prefix = /[^\s'"]*$/.exec(token)![0]
  const from = text.length - prefix.length
  if (top.kind === '[')
    return { path: [...path, '*'], mode: 'value', prefix, from, present: [], flow: true }
  if (key !== undefined)
    return { path: [...path, key], mode: 'value', prefix, from, present: [], flow: true }
  if (token.trim() !== prefix) return undefined
  return { path, mode: 'key', prefix, from, present: [], flow: true }
}
