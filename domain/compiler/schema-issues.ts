/**
 * @module Turns Ajv errors into config issues: one issue per real problem, at the author's
 * JSON pointer, with a message that names the fix. Browser-safe.
 */
import type { ErrorObject } from 'ajv'
import { NOT_BLANK, NOT_BLANK_MESSAGE } from '../../schemas/ajv.ts'
import { configIssue } from './config-issue.ts'
import type { ConfigIssue, IssueCode, LocalizedText } from './config-issue.ts'
import { closestMatch } from './closest-match.ts'

/**
 * Converts Ajv's error list. `oneOf` failures are reduced to the branch the author most likely
 * meant, so `due: { date: 2018-13-01 }` reports the bad date, not four unrelated shapes.
 */
export function schemaIssues(errors: readonly ErrorObject[] | null | undefined): ConfigIssue[] {
  return limitedSchemaIssues(errors, Infinity).issues
}

/**
 * The first `max` issues of Ajv's error list, and how many more there are. Each issue costs a
 * did-you-mean and two messages; 200,000 unknown keys would spend seconds on text nobody reads.
 */
export function limitedSchemaIssues(
  errors: readonly ErrorObject[] | null | undefined,
  max: number,
): { issues: ConfigIssue[]; omitted: number } {
  const kept = pruneUnionErrors([...(errors ?? [])])
  return { issues: kept.slice(0, max).map(toIssue), omitted: Math.max(0, kept.length - max) }
}

function pruneUnionErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors
    .filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length)
  let kept = errors
  for (const union of unions) {
    if (!kept.includes(union)) continue
    const prefix = union.schemaPath + '/'
    const branches = new Map<number, ErrorObject[]>()
    for (const error of kept) {
      if (!error.schemaPath.startsWith(prefix)) continue
      const branch = Number(error.schemaPath.slice(prefix.length).split('/')[0])
      branches.set(branch, [...(branches.get(branch) ?? []), error])
    }
    const inBranches = new Set([...branches.values()].flat())
    const shapeMatches = [...branches.values()].filter(
      (list) =>
        !list.some(
          (error) => error.keyword === 'type' && error.instancePath === union.instancePath,
        ),
    )
    const others = kept.filter((error) => error !== union && !inBranches.has(error))
    if (shapeMatches.length === 0) {
      // The value is of none of the accepted types: one issue naming them all.
      const types = [...branches.values()].flatMap((list) =>
        list.filter((e) => e.keyword === 'type').map((e) => String(e.params.type)),
      )
      kept = [
        ...others,
        { ...union, keyword: 'type', params: { type: [...new Set(types)].join(',') } },
      ]
      continue
    }
    // The branch with the fewest problems at the value's own level is the one the author meant.
    const score = (list: ErrorObject[]) =>
      list.filter((e) => e.instancePath === union.instancePath).length * 100 + list.length
    const best = shapeMatches.reduce((a, b) => (score(b) < score(a) ? b : a))
    kept = [...others, ...best]
  }
  return kept.filter(
    (error) => !(error.keyword === 'discriminator' && hasSiblingEnumError(error, kept)),
  )
}

function hasSiblingEnumError(error: ErrorObject, errors: ErrorObject[]): boolean {
  const tagPath = `${error.instancePath}/${String(error.params.tag)}`
  return errors.some((other) => other.instancePath === tagPath && other.keyword === 'enum')
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true/false）',
  object: '对象（键: 值）',
  array: '列表（- 项）',
  null: '空值',
}

function describeValue(value: unknown): LocalizedText {
  if (Array.isArray(value)) return { zh: '列表', en: 'a list' }
  if (value === null) return { zh: '空值', en: 'null' }
  const type = typeof value
  const zh =
    type === 'object' ? '对象' : type === 'string' ? `文本「${String(value)}」` : `${String(value)}`
  return {
    zh,
    en: type === 'string' ? `"${String(value)}"` : type === 'object' ? 'an object' : String(value),
  }
}

/** The Chinese and English halves of a schema description written as `中文 / English`. */
function splitDescription(description: unknown): LocalizedText | undefined {
  if (typeof description !== 'string') return undefined
  const [zh, en] = description.split(' / ')
  return { zh: zh ?? description, en: en ?? description }
}

function toIssue(error: ErrorObject): ConfigIssue {
  const at = error.instancePath
  const made = (code: IssueCode, pointer: string, zh: string, en: string) =>
    configIssue(code, pointer, { zh, en })
  const described = splitDescription(error.parentSchema?.description)
  const hint = described
    ? { zh: `（${described.zh}）`, en: ` (${described.en})` }
    : { zh: '', en: '' }
  switch (error.keyword) {
    case 'required': {
      const field = String(error.params.missingProperty)
      const fieldHint = splitDescription(error.parentSchema?.properties?.[field]?.description)
      return made(
        'missing-field',
        `${at}/${field}`,
        `缺少必填字段「${field}」${fieldHint ? `（${fieldHint.zh}）` : ''}。请在此处补上；文件确无规定时写 { unspecified: 说明 }（若该字段允许）。`,
        `Missing required field "${field}"${fieldHint ? ` (${fieldHint.en})` : ''}. Add it here; where the document says nothing, write { unspecified: reason } if the field allows it.`,
      )
    }
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty)
      const allowed = Object.keys(error.parentSchema?.properties ?? {})
      const guess = closestMatch(field, allowed)
      // In `{ quote: 甲,乙 }` YAML splits the text at the comma and 乙 becomes a key.
      const looksLikeText = /[^\x00-\x7f]/.test(field)
      return made(
        'unknown-field',
        `${at}/${field}`,
        `未知字段「${field}」。${guess ? `是否想写「${guess}」？` : ''}此处允许的字段：${allowed.join('、')}。${looksLikeText ? '若它其实是上一项文字的一部分（文字中含逗号或冒号），请给那段文字加引号。' : ''}`,
        `Unknown field "${field}".${guess ? ` Did you mean "${guess}"?` : ''} Fields allowed here: ${allowed.join(', ')}.${looksLikeText ? ' If it is really part of the previous text (which contains a comma or colon), put that text in quotes.' : ''}`,
      )
    }
    case 'type': {
      const types = String(error.params.type).split(',')
      const actual = describeValue(error.data)
      return made(
        'wrong-type',
        at,
        `类型错误：应为${types.map((t) => TYPE_NAMES[t] ?? t).join('或')}，实际是${actual.zh}${hint.zh}。`,
        `Wrong type: expected ${types.join(' or ')}, got ${actual.en}${hint.en}.`,
      )
    }
    case 'enum':
    case 'const': {
      const allowed = (
        error.keyword === 'enum' ? error.params.allowedValues : [error.params.allowedValue]
      ) as unknown[]
      const guess = closestMatch(String(error.data), allowed.map(String))
      return made(
        'invalid-value',
        at,
        `取值「${String(error.data)}」无效。${guess ? `是否想写「${guess}」？` : ''}可选值：${allowed.join('、')}。`,
        `Invalid value "${String(error.data)}".${guess ? ` Did you mean "${guess}"?` : ''} Allowed: ${allowed.join(', ')}.`,
      )
    }
    case 'discriminator':
      return made(
        'invalid-value',
        `${at}/${String(error.params.tag)}`,
        `「${String(error.params.tag)}」缺失或取值无效，无法确定写法。`,
        `"${String(error.params.tag)}" is missing or invalid, so the shape cannot be chosen.`,
      )
    case 'pattern':
      return made(
        'invalid-format',
        at,
        `格式不符：「${String(error.data)}」${hint.zh || `应匹配 ${String(error.params.pattern)}`}。`,
        `Bad format: "${String(error.data)}"${hint.en || ` must match ${String(error.params.pattern)}`}.`,
      )
    case 'format':
      return made(
        'invalid-format',
        at,
        error.params.format === 'date'
          ? `日期「${String(error.data)}」无效，应写成 YYYY-MM-DD，如 2018-06-22，且须是真实存在的日期。`
          : `格式不符：应为 ${String(error.params.format)} 格式。`,
        error.params.format === 'date'
          ? `Invalid date "${String(error.data)}": write a real date as YYYY-MM-DD, e.g. 2018-06-22.`
          : `Bad format: expected ${String(error.params.format)}.`,
      )
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return made(
        'out-of-range',
        at,
        `数值 ${String(error.data)} 超出范围：应 ${String(error.params.comparison)} ${String(error.params.limit)}${hint.zh}。`,
        `Value ${String(error.data)} out of range: must be ${String(error.params.comparison)} ${String(error.params.limit)}${hint.en}.`,
      )
    case 'minItems':
    case 'minLength':
      return made(
        'empty',
        at,
        error.keyword === 'minItems'
          ? `列表至少需要 ${String(error.params.limit)} 项。`
          : `文本太短：至少 ${String(error.params.limit)} 个字符。`,
        error.keyword === 'minItems'
          ? `The list needs at least ${String(error.params.limit)} item(s).`
          : `Text too short: at least ${String(error.params.limit)} character(s).`,
      )
    case 'uniqueItems':
      return made(
        'duplicate-item',
        at,
        `列表第 ${Number(error.params.j) + 1} 项与第 ${Number(error.params.i) + 1} 项重复，请删去一项。`,
        `Items ${Number(error.params.j) + 1} and ${Number(error.params.i) + 1} are the same; remove one.`,
      )
    case NOT_BLANK:
      // Required text of only spaces is as empty as none (a draft may still hold it).
      return made('empty', at, NOT_BLANK_MESSAGE.zh, NOT_BLANK_MESSAGE.en)
    case 'maxLength':
      return made(
        'out-of-range',
        at,
        `文本过长：最多 ${String(error.params.limit)} 个字符。`,
        `Text too long: at most ${String(error.params.limit)} characters.`,
      )
    default:
      return made(
        'no-matching-shape',
        at,
        `写法不符合要求${hint.zh}。`,
        `This value does not have an accepted shape${hint.en}. (${error.message ?? error.keyword})`,
      )
  }
}
