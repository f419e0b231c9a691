// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../../i18n.ts'
import {
  assessmentHref,
  assessmentPath,
  effectText,
  explanationRows,
  formatDecimal,
  gradeRange,
  gradeTone,
  itemScoreText,
  missingNames,
  scoreText,
  targetText,
} from './assessment-format.ts'
import { GRADES, SATISFACTION_ITEM, VETO_ITEM, VISIT_ITEM } from './assessment.fixtures.ts'

afterEach(() => setLocale('zh'))

describe('formatDecimal', () => {
  it('rounds exact decimal text half up to 2 places without trailing zeros or exponents', () => {
    expect(
      [
        '89.5',
        '90.361445783133',
        '0.005',
        '-2.345',
        '100',
        '0.0000001',
        '12345678901234567890.125',
      ].map((text) => formatDecimal(text)),
    ).toEqual(['89.5', '90.36', '0.01', '-2.35', '100', '0', '12345678901234567890.13'])
    expect(formatDecimal('3.14159', 4)).toBe('3.1416')
  })
})

describe('scoreText', () => {
  it('says data is missing instead of showing 0', () => {
    expect(scoreText(null)).toEqual({ text: '数据缺失', missing: true })
    expect(scoreText('0')).toEqual({ text: '0', missing: false })
    setLocale('en')
    expect(scoreText(undefined).text).toBe('Missing data')
  })
})

describe('gradeTone', () => {
  it('ranks grades by their minimum, whatever the config order', () => {
    const shuffled = [GRADES[3]!, GRADES[0]!, GRADES[2]!, GRADES[1]!]
    expect(
      ['excellent', 'good', 'pass', 'fail', undefined, 'other'].map((id) =>
        gradeTone(shuffled, id),
      ),
    ).toEqual(['top', 'high', 'low', 'bottom', 'none', 'none'])
    expect(gradeTone(GRADES.slice(0, 2), 'good')).toBe('bottom')
  })
})

describe('gradeRange', () => {
  it('words a band in the current locale', () => {
    expect(GRADES.map((grade) => gradeRange(grade))).toEqual([
      '90 分及以上',
      '70 分及以上、90 分以下',
      '60 分及以上、70 分以下',
      '0 分及以上、60 分以下',
    ])
    expect(gradeRange({ min: 60, max: 69, below: null })).toBe('60–69 分')
    setLocale('en')
    expect(gradeRange(GRADES[1]!)).toBe('70 to under 90')
  })
})

describe('effectText', () => {
  it('keeps the document’s words, with an English gloss in English', () => {
    const [cut, nextYear] = GRADES[3]!.effects
    expect(effectText(cut!)).toBe('扣减 30%约定“打包付费”总额')
    setLocale('en')
    expect(effectText(cut!)).toBe('cut by 30% (扣减 30%约定“打包付费”总额)')
    expect(effectText(nextYear!)).toBe('next year cut by 10% (次年降低“打包付费”总额 10%)')
    expect(effectText(GRADES[0]!.effects[0]!)).toBe('paid in full (全额拨付约定总额)')
    expect(effectText({ kind: 'other', text: '通报批评' })).toBe('通报批评')
  })
})

describe('missingNames', () => {
  it('names inputs the catalogue knows and keeps the ids of the others', () => {
    expect(
      missingNames(['county_visits', 'x'], new Map([['county_visits', '县域内就诊人次']])),
    ).toBe('县域内就诊人次、x')
  })
})

describe('itemScoreText', () => {
  it('gives the points, or why there are none', () => {
    expect(itemScoreText(VISIT_ITEM)).toEqual({ text: '0', missing: false })
    expect(itemScoreText({ ...VISIT_ITEM, status: 'missing', score: null })).toEqual({
      text: '数据缺失',
      missing: true,
    })
    expect(itemScoreText({ ...VISIT_ITEM, status: 'not-applicable', score: '0' }).text).toBe(
      '不适用',
    )
    expect(itemScoreText(VETO_ITEM).text).toBe('未触发')
    expect(itemScoreText({ ...VETO_ITEM, holds: true }).text).toBe('触发否决')
  })
})

describe('explanationRows', () => {
  it('tabulates a measure: value, target, gap, steps and points deducted', () => {
    expect(explanationRows(VISIT_ITEM)).toEqual([
      {
        label: '县域内就诊率',
        value: '85.6%',
        target: '≥ 90%（2021 年目标）',
        gap: '4.4%',
        steps: '4',
        deducted: '12',
        met: false,
        missing: false,
      },
    ])
    expect(targetText({ target: { op: '<=', value: '5', year: null }, unit: '%' })).toBe('≤ 5%')
  })

  it('marks a measure without a value as missing data, and a met target as met', () => {
    const measure = VISIT_ITEM.measures![0]!
    const rows = explanationRows({
      ...VISIT_ITEM,
      measures: [
        { ...measure, name: '病种数', value: null, gap: null, steps: null, deducted: null },
        { ...measure, met: true, gap: '0', steps: '0', deducted: '0' },
      ],
    })
    expect(rows.map((row) => [row.label, row.value, row.gap, row.missing])).toEqual([
      ['病种数（县域内就诊率）', '数据缺失', '', true],
      ['县域内就诊率', '85.6%', '达标', false],
    ])
  })

  it('gives a proportional item’s value against full marks and a veto’s condition', () => {
    expect(explanationRows(SATISFACTION_ITEM)).toEqual([
      expect.objectContaining({ label: '群众满意度调查', value: '95', target: '满分 100' }),
    ])
    expect(explanationRows(VETO_ITEM)).toEqual([expect.objectContaining({ value: '条件不成立' })])
  })
})

describe('paths', () => {
  it('builds API paths and page routes with their parts encoded', () => {
    expect(assessmentPath('p 1', 'a', 2021, 'u/1')).toBe(
      '/api/plans/p%201/assessments/a/runs/2021/units/u%2F1',
    )
    expect(assessmentPath('p', 'a')).toBe('/api/plans/p/assessments/a')
    expect(assessmentHref('p', 'a', 2021)).toBe('#/plans/p/assessments/a/2021')
    expect(assessmentHref('p')).toBe('#/plans/p/assessments')
  })
})
