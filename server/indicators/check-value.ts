/**
 * @module Checks one entered value against its input's value type: a percentage is 0–100, a
 * permille 0–1000, counts are whole and non-negative, amounts and days non-negative, yes/no is
 * yes/no. Returns the exact decimal text to store, or a message saying what to fix. Browser-safe.
 */
import { Decimal } from 'decimal.js'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import type { EntryInput } from './inputs.ts'

export type CheckedValue = { ok: true; value: string } | { ok: false; message: LocalizedText }

const TRUE_WORDS = new Set(['true', '1', '是', 'yes', 'y', '有'])
const FALSE_WORDS = new Set(['false', '0', '否', 'no', 'n', '无'])
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** Checks and normalises a raw value (number, boolean, or text as typed in a cell). */
export function checkValue(input: EntryInput, raw: unknown): CheckedValue {
  const label = `${input.name}（${input.id}）`
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return { ok: false, message: { zh: `${label}没有填写数值`, en: `${input.id} has no value` } }
  }
  if (input.valueType === 'boolean') {
    const word = String(raw).trim().toLowerCase()
    if (raw === true || TRUE_WORDS.has(word)) return { ok: true, value: 'true' }
    if (raw === false || FALSE_WORDS.has(word)) return { ok: true, value: 'false' }
    return {
      ok: false,
      message: {
        zh: `${label}应填「是」或「否」，收到「${String(raw)}」`,
        en: `${input.id} takes yes or no, got "${String(raw)}"`,
      },
    }
  }
  // Spreadsheet habits: thousands separators, full-width digits, a trailing % or ‰ (converted
  // between the two, refused where the input is neither).
  const typed =
    typeof raw === 'number' ? String(raw) : toHalfWidth(String(raw)).trim().replace(/,/g, '')
  const sign = /[%‰]$/.exec(typed)?.[0] as '%' | '‰' | undefined
  const text = sign ? typed.slice(0, -1).trim() : typed
  if (typeof raw === 'number' ? !Number.isFinite(raw) : !NUMBER.test(text)) {
    return {
      ok: false,
      message: {
        zh: `${label}应为数字，收到「${String(raw)}」`,
        en: `${input.id} must be a number, got "${String(raw)}"`,
      },
    }
  }
  let value = new Decimal(text)
  if (!value.isFinite()) {
    return {
      ok: false,
      message: {
        zh: `${label}数值超出可记录的范围，收到「${String(raw)}」`,
        en: `${input.id} is out of the range that can be stored, got "${String(raw)}"`,
      },
    }
  }
  if (sign) {
    const scale = scaleOf(input, sign)
    if (scale === undefined) {
      return {
        ok: false,
        message: {
          zh: `${label}不是${sign === '%' ? '百分比' : '千分比'}，请去掉「${sign}」后填写${input.unit ? `（单位：${input.unit}）` : ''}，收到「${String(raw)}」`,
          en: `${input.id} is not a ${sign === '%' ? 'percentage' : 'permille'}: remove the "${sign}", got "${String(raw)}"`,
        },
      }
    }
    value = value.times(scale)
  }
  const unit = input.unit ? `（单位：${input.unit}）` : ''
  const range = RANGES[input.valueType]
  if (range.whole && !value.isInteger()) {
    return {
      ok: false,
      message: {
        zh: `${label}是计数，应为整数${unit}，收到 ${String(raw)}`,
        en: `${input.id} is a count and must be whole, got ${String(raw)}`,
      },
    }
  }
  if (value.lessThan(range.min) || (range.max !== undefined && value.greaterThan(range.max))) {
    const bounds =
      range.max === undefined ? `不小于 ${range.min}` : `在 ${range.min}–${range.max} 之间`
    const boundsEn =
      range.max === undefined ? `at least ${range.min}` : `between ${range.min} and ${range.max}`
    return {
      ok: false,
      message: {
        zh: `${label}应${bounds}${unit}，收到 ${String(raw)}`,
        en: `${input.id} must be ${boundsEn}, got ${String(raw)}`,
      },
    }
  }
  return { ok: true, value: value.toString() }
}

/** What a value written with `sign` is multiplied by for the input: 5‰ is 0.5 %, 0.5% is 5 ‰. */
function scaleOf(input: EntryInput, sign: '%' | '‰'): number | undefined {
  const kind =
    input.valueType === 'percentage' || input.unit === '%'
      ? '%'
      : input.valueType === 'permille' || input.unit === '‰'
        ? '‰'
        : undefined
  if (!kind) return undefined
  return kind === sign ? 1 : kind === '%' ? 0.1 : 10
}

const RANGES: Record<
  Exclude<EntryInput['valueType'], 'boolean'>,
  { min: number; max?: number; whole?: boolean }
> = {
  percentage: { min: 0, max: 100 },
  permille: { min: 0, max: 1000 },
  ratio: { min: 0 },
  count: { min: 0, whole: true },
  amount: { min: 0 },
  days: { min: 0 },
  // Growth rates and indices may be negative.
  number: { min: -Infinity },
}

function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
}
