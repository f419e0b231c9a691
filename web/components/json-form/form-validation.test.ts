import { describe, expect, it } from 'vitest'
import { validateForm } from './form-validation.ts'
import type { FormSchema } from './form-schema.ts'

const SCHEMA = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 10 },
    code: { type: 'string', minLength: 3, pattern: '^[A-Z]+$' },
    visits: { type: 'integer', minimum: 0 },
    rate: { type: 'number', minimum: 0, maximum: 100 },
    share: { type: ['number', 'null'], exclusiveMinimum: 0, exclusiveMaximum: 1 },
    stage: { type: 'string', enum: ['第一阶段', '第二阶段'] },
    due: { type: 'string', format: 'date' },
    const: { const: 1 },
  },
} as unknown as FormSchema

/** The messages of one field. */
const at = (value: unknown, pointer: string) => validateForm(SCHEMA, value).get(pointer) ?? []

describe('validateForm messages', () => {
  it('words ranges the way people say them', () => {
    expect(at({ name: 'a', visits: -1 }, '/visits')).toEqual([
      { zh: '不能小于 0', en: 'Must be at least 0' },
    ])
    expect(at({ name: 'a', rate: 100.5 }, '/rate')).toEqual([
      { zh: '不能大于 100', en: 'Must be at most 100' },
    ])
    expect(at({ name: 'a', share: 0 }, '/share')).toEqual([
      { zh: '应大于 0', en: 'Must be more than 0' },
    ])
    expect(at({ name: 'a', share: 1 }, '/share')).toEqual([
      { zh: '应小于 1', en: 'Must be less than 1' },
    ])
  })

  it('asks for a whole number or a number, not for “integer 类型”', () => {
    expect(at({ name: 'a', visits: 1.5 }, '/visits')).toEqual([
      { zh: '应为整数', en: 'Must be a whole number' },
    ])
    expect(at({ name: 'a', rate: '五' }, '/rate')).toEqual([
      { zh: '应为数字', en: 'Must be a number' },
    ])
    expect(at({ name: 'a', share: 'x' }, '/share')).toEqual([
      { zh: '应为数字', en: 'Must be a number' },
    ])
  })

  it('words required, lengths, patterns, lists and formats', () => {
    expect(at({}, '/name')).toEqual([{ zh: '此项为必填项', en: 'This field is required' }])
    expect(at({ name: '' }, '/name')).toEqual([{ zh: '不能为空', en: 'Must not be empty' }])
    expect(at({ name: '一二三四五六七八九十一' }, '/name')).toEqual([
      { zh: '不能超过 10 个字', en: 'Must be at most 10 characters' },
    ])
    expect(at({ name: 'a', code: 'ab' }, '/code')).toEqual([
      { zh: '至少 3 个字', en: 'Must be at least 3 characters' },
      { zh: '格式不正确', en: 'Not in the expected form' },
    ])
    expect(at({ name: 'a', stage: '第三阶段' }, '/stage')).toEqual([
      { zh: '应为以下之一：第一阶段、第二阶段', en: 'Must be one of: 第一阶段, 第二阶段' },
    ])
    expect(at({ name: 'a', due: '2021/12/31' }, '/due')).toEqual([
      { zh: '应为日期，如 2021-12-31', en: 'Must be a date such as 2021-12-31' },
    ])
  })

  it('falls back to ajv-i18n and Ajv for the other keywords', () => {
    const [message] = at({ name: 'a', const: 2 }, '/const')
    expect(message!.en).toBe('must be equal to constant')
    expect(message!.zh).toMatch(/^应当/)
  })
})
