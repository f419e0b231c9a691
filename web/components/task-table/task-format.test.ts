// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../../i18n.ts'
import { escalationLabel, fill, periodLabel, roleLabel, stateLabel } from './task-format.ts'

afterEach(() => setLocale('zh'))

describe('task labels', () => {
  it('names periods in Chinese and English', () => {
    expect(['once', '2018', '2018-Q3', '2018-07', '2018-M04', 'odd'].map(periodLabel)).toEqual([
      '一次性',
      '2018年',
      '2018年第3季度',
      '2018年7月',
      '2018年4月',
      'odd',
    ])
    setLocale('en')
    expect(['once', '2018', '2018-Q3', '2018-07'].map(periodLabel)).toEqual([
      'One-off',
      '2018',
      'Q3 2018',
      '2018-07',
    ])
  })

  it('names states, procedure steps, roles and escalation levels', () => {
    expect(stateLabel('submitted')).toBe('待审核')
    expect(stateLabel('step:evaluate')).toBe('流程步骤：evaluate')
    expect(['lead', 'support', 'applicant'].map(roleLabel)).toEqual(['牵头', '配合', '申报'])
    expect([0, 1, 2, 3, 4, 5].map(escalationLabel)).toEqual([
      '',
      '提醒',
      '催办',
      '督办',
      '通报',
      '通报',
    ])
  })

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('显示前 {shown} 条，共 {total} 条 {x}', { shown: 500, total: 812 })).toBe(
      '显示前 500 条，共 812 条 {x}',
    )
  })
})
