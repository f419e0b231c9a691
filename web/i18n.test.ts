// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { fill, formatNumber, setLocale, t } from './i18n.ts'
import { fill as formFill } from './components/json-form/form-controls.ts'
import { AUTHORING_MESSAGES } from './messages/authoring.ts'
import { COMMON_MESSAGES } from './messages/common.ts'
import { DASHBOARD_MESSAGES } from './messages/dashboard.ts'
import { PLAN_REVISION_MESSAGES } from './messages/plan-revision.ts'
import { TASK_FOLLOWUP_MESSAGES } from './messages/task-followup.ts'
import { TASK_PAGE_MESSAGES } from './messages/task-page.ts'

const TASKS = '{n, plural, =0 {no tasks} one {# task} other {# tasks}}'

describe('fill', () => {
  afterEach(() => setLocale('zh'))

  it('picks the English plural form by Intl.PluralRules, # standing for the number', () => {
    setLocale('en')
    expect(fill(TASKS, { n: 0 })).toBe('no tasks')
    expect(fill(TASKS, { n: 1 })).toBe('1 task')
    expect(fill(TASKS, { n: 2 })).toBe('2 tasks')
    expect(fill(TASKS, { n: 12345 })).toBe('12,345 tasks')
    expect(fill('Approve {n, plural, one {# report} other {# reports}}?', { n: 1 })).toBe(
      'Approve 1 report?',
    )
  })

  it('takes the "other" form in Chinese, which has no plural', () => {
    setLocale('zh')
    expect(fill('{n, plural, other {# 项}}', { n: 1 })).toBe('1 项')
  })

  it('leaves a plural whose number is not given as written, and fills plain placeholders', () => {
    setLocale('en')
    expect(fill(TASKS, {})).toBe(TASKS)
    expect(fill('{year}: {n}', { year: 2021, n: 1234567 })).toBe('2021: 1,234,567')
  })
})

describe('the shared messages in English', () => {
  afterEach(() => setLocale('zh'))

  it('say 1 task, 1 sub-task and 2 reports, not "1 tasks" or "sub-task(s)"', () => {
    setLocale('en')
    expect(fill(t('gate_openTasks'), { n: 1 })).toBe('1 task open')
    expect(fill(t('gate_openTasks'), { n: 3 })).toBe('3 tasks open')
    expect(fill(t('task_splitNote'), { n: 1 })).toBe('Split into 1 sub-task')
    expect(fill(t('batch_approve'), { n: 2 })).toBe('Approve 2 reports')
  })
})

describe('formatNumber', () => {
  afterEach(() => setLocale('zh'))

  it('writes thousands separators and keeps the fraction, in both languages', () => {
    setLocale('zh')
    expect(formatNumber(1234567.25)).toBe('1,234,567.25')
    setLocale('en')
    expect(formatNumber(-9876.5)).toBe('-9,876.5')
    expect(formatNumber(0.1234567)).toBe('0.1235')
  })
})

describe('messages with plural forms', () => {
  afterEach(() => setLocale('zh'))

  it('are filled by fill(), never by a plain replace that would show the pattern', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const root = join(process.cwd(), 'web', 'components')
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    )
    setLocale('en')
    const raw: string[] = []
    expect(formFill(t('form_errorCount'), 1)).toBe('The form has 1 problem to fix')
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8')
      for (const [, key] of source.matchAll(/\bt\('([\w-]+)'\)\s*\.replace\(/g))
        if (t(key as Parameters<typeof t>[0]).includes(', plural,')) raw.push(`${file}: ${key}`)
    }
    expect(raw).toEqual([])
  })
})

describe('the shared message table', () => {
  it('takes each key from exactly one part’s table, each with its Chinese and English', () => {
    const tables = [
      COMMON_MESSAGES,
      DASHBOARD_MESSAGES,
      PLAN_REVISION_MESSAGES,
      TASK_PAGE_MESSAGES,
      TASK_FOLLOWUP_MESSAGES,
      AUTHORING_MESSAGES,
    ]
    const keys = tables.flatMap((table) => Object.keys(table))
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
    for (const table of tables)
      for (const [key, text] of Object.entries(table)) {
        expect(text.zh, key).not.toBe('')
        expect(text.en, key).not.toBe('')
      }
    setLocale('en')
    expect(t('peTitle')).toBe('Policy config editor')
    setLocale('zh')
    expect(t('state_submitted')).toBe('待审核')
  })
})
