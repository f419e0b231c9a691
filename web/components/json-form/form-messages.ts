/**
 * @module Our own words for the Ajv errors people meet in forms (a number out of range, a whole
 * number expected, text too long, a value not in the list, a date in the wrong form). ajv-i18n's
 * Chinese is a literal rendering of Ajv's (「应当为 >= 0」「应当是 integer 类型」) and Ajv's English
 * is terse ('must be >= 0'); keywords not named here still fall back to them.
 */
import type { ErrorObject } from 'ajv'
import { NOT_BLANK, NOT_BLANK_MESSAGE } from '../../../schemas/ajv.ts'
import { ATTACHMENT_ID_FORMAT } from '../../../schemas/api/attachment.schema.ts'
import type { LocalizedText } from '../../../schemas/api/error.schema.ts'

type Params = Record<string, unknown>

const list = (values: unknown, separator: string) =>
  (Array.isArray(values) ? values : [])
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(separator)

/** The first type an error names other than null ('integer,null' is a whole number that may be left empty). */
function expectedType(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : String(type ?? '').split(',')
  return types.find((name) => name !== 'null') ?? ''
}

export type { LocalizedText }

const TYPES: Record<string, LocalizedText> = {
  integer: { zh: '应为整数', en: 'Must be a whole number' },
  number: { zh: '应为数字', en: 'Must be a number' },
  string: { zh: '应为文字', en: 'Must be text' },
  boolean: { zh: '应为“是”或“否”', en: 'Must be yes or no' },
  array: { zh: '应为列表', en: 'Must be a list' },
}

const FORMATS: Record<string, LocalizedText> = {
  date: { zh: '应为日期，如 2021-12-31', en: 'Must be a date such as 2021-12-31' },
  'date-time': {
    zh: '应为日期和时间，如 2021-12-31T09:00:00+08:00',
    en: 'Must be a date and time such as 2021-12-31T09:00:00+08:00',
  },
  time: { zh: '应为时间，如 09:00:00', en: 'Must be a time such as 09:00:00' },
  email: { zh: '应为电子邮箱地址', en: 'Must be an email address' },
  uri: {
    zh: '应为网址，如 https://example.cn',
    en: 'Must be a web address such as https://example.cn',
  },
  [ATTACHMENT_ID_FORMAT]: {
    zh: '附件无效，请重新上传',
    en: 'The attachment is not valid; upload it again',
  },
}

/** Our message for an Ajv error, or undefined where ajv-i18n and Ajv's own words are used. */
export function keywordMessage(
  error: Pick<ErrorObject, 'keyword' | 'params'>,
): LocalizedText | undefined {
  const params = error.params as Params
  const limit = String(params.limit ?? '')
  if (error.keyword === NOT_BLANK) return NOT_BLANK_MESSAGE
  switch (error.keyword) {
    case 'minimum':
      return { zh: `不能小于 ${limit}`, en: `Must be at least ${limit}` }
    case 'maximum':
      return { zh: `不能大于 ${limit}`, en: `Must be at most ${limit}` }
    case 'exclusiveMinimum':
      return { zh: `应大于 ${limit}`, en: `Must be more than ${limit}` }
    case 'exclusiveMaximum':
      return { zh: `应小于 ${limit}`, en: `Must be less than ${limit}` }
    case 'type':
      return TYPES[expectedType(params.type)]
    case 'minLength':
      return limit === '1'
        ? { zh: '不能为空', en: 'Must not be empty' }
        : { zh: `至少 ${limit} 个字`, en: `Must be at least ${limit} characters` }
    case 'maxLength':
      return { zh: `不能超过 ${limit} 个字`, en: `Must be at most ${limit} characters` }
    case 'minItems':
      return { zh: `至少 ${limit} 项`, en: `Must have at least ${limit} items` }
    case 'maxItems':
      return { zh: `最多 ${limit} 项`, en: `Must have at most ${limit} items` }
    case 'pattern':
      return { zh: '格式不正确', en: 'Not in the expected form' }
    case 'enum':
      return {
        zh: `应为以下之一：${list(params.allowedValues, '、')}`,
        en: `Must be one of: ${list(params.allowedValues, ', ')}`,
      }
    case 'format': {
      const format = String(params.format ?? '')
      return (
        FORMATS[format] ?? {
          zh: `格式不正确（${format}）`,
          en: `Not in the expected form (${format})`,
        }
      )
    }
    default:
      return undefined
  }
}
