import { describe, expect, it } from 'vitest'
import { checkValue } from './check-value.ts'
import type { EntryInput } from './inputs.ts'

const input = (valueType: EntryInput['valueType'], unit: string | null = null): EntryInput => ({
  id: 'x',
  name: '某数据项',
  valueType,
  unit,
  kind: 'data-element',
  indicators: [],
  frequency: 'yearly',
  owners: [],
})
const value = (result: ReturnType<typeof checkValue>) =>
  result.ok ? result.value : `✗ ${result.message.zh}`

describe('checkValue', () => {
  it('keeps exact decimal text, reading spreadsheet habits: separators, full-width digits, a sign', () => {
    expect(value(checkValue(input('amount', '元'), '1,234,567.89'))).toBe('1234567.89')
    expect(value(checkValue(input('count', '人次'), '９１２０'))).toBe('9120')
    expect(value(checkValue(input('percentage', '%'), '90.24%'))).toBe('90.24')
    expect(value(checkValue(input('permille', '‰'), '5.4‰'))).toBe('5.4')
    expect(value(checkValue(input('number', '%'), '-2.5%'))).toBe('-2.5')
  })

  it('converts between % and ‰ rather than storing the number as typed', () => {
    expect(value(checkValue(input('permille', '‰'), '0.5%'))).toBe('5')
    expect(value(checkValue(input('percentage', '%'), '5‰'))).toBe('0.5')
  })

  it('refuses a % or ‰ on an input that is neither, saying to remove it', () => {
    expect(value(checkValue(input('amount', '元'), '6‰'))).toBe(
      '✗ 某数据项（x）不是千分比，请去掉「‰」后填写（单位：元），收到「6‰」',
    )
    expect(value(checkValue(input('count', '人次'), '12%'))).toMatch(/^✗ 某数据项（x）不是百分比/)
  })

  it('refuses what cannot be stored or is out of range for its type', () => {
    expect(value(checkValue(input('amount'), '1e99999999999999999'))).toMatch(/超出可记录的范围/)
    expect(value(checkValue(input('amount'), Number.POSITIVE_INFINITY))).toMatch(/应为数字/)
    expect(value(checkValue(input('percentage', '%'), '100.5'))).toBe(
      '✗ 某数据项（x）应在 0–100 之间（单位：%），收到 100.5',
    )
    expect(value(checkValue(input('permille'), '0.5%'))).toBe('5')
    expect(value(checkValue(input('permille'), '101%'))).toMatch(/应在 0–1000 之间/)
    expect(value(checkValue(input('count', '人次'), '12.5'))).toBe(
      '✗ 某数据项（x）是计数，应为整数（单位：人次），收到 12.5',
    )
    expect(value(checkValue(input('days'), '-1'))).toMatch(/应不小于 0/)
    expect(value(checkValue(input('count'), '九万'))).toBe('✗ 某数据项（x）应为数字，收到「九万」')
    expect(value(checkValue(input('count'), ' '))).toBe('✗ 某数据项（x）没有填写数值')
  })

  it('reads yes and no in the words offices use', () => {
    expect(['是', 'yes', true, 1].map((raw) => value(checkValue(input('boolean'), raw)))).toEqual([
      'true',
      'true',
      'true',
      'true',
    ])
    expect(['否', '无', false, '0'].map((raw) => value(checkValue(input('boolean'), raw)))).toEqual(
      ['false', 'false', 'false', 'false'],
    )
    expect(value(checkValue(input('boolean'), '也许'))).toMatch(/应填「是」或「否」/)
  })
})
