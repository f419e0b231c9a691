// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PolicyTestResult } from '../../../domain/scoring/run-policy-tests.ts'
import type { UnitScore } from '../../../domain/scoring/score-types.ts'
import { PolicyValidation } from '../policy-editor/policy-validation.ts'
import type { LsPolicyTests } from './policy-tests.component.ts'
import { caseFacts, testsCount } from './policy-test-format.ts'
import './policy-tests.ts'

function buildResult(
  overrides: Partial<PolicyTestResult> = {},
  score: Partial<UnitScore> = {},
): PolicyTestResult {
  return {
    assessmentId: 'annual-assessment',
    index: 0,
    name: '2021 年各项恰好达标（优秀）',
    year: 2021,
    pointer: '/assessments/0/tests/0',
    passed: true,
    failures: [],
    line: 1755,
    score: { total: '99.5', grade: { id: 'excellent', name: '优秀' }, ...score } as UnitScore,
    ...overrides,
  }
}

const FAILED = buildResult(
  {
    index: 1,
    name: '2021 年扣分封顶与 DRG 加分（良好）',
    pointer: '/assessments/0/tests/1',
    passed: false,
    line: 1788,
    failures: [
      {
        what: 'total',
        expected: '77',
        actual: '78',
        message: {
          zh: '总分应为 77，实为 78：基本分 73，加分 5。',
          en: 'The total should be 77, is 78: base 73, bonus 5.',
        },
      },
    ],
  },
  { total: '78', grade: { id: 'good', name: '良好' } },
)

async function mount(results: PolicyTestResult[] | undefined): Promise<LsPolicyTests> {
  const element = document.createElement('ls-policy-tests')
  element.results = results
  document.body.append(element)
  await element.updateComplete
  return element
}

afterEach(() => document.body.replaceChildren())

describe('ls-policy-tests', () => {
  it('lists each case ✓ or ✗ with its year, total and grade, and a failure’s message', async () => {
    const root = (await mount([buildResult(), FAILED])).shadowRoot!
    expect(root.querySelector('.summary')?.textContent?.trim()).toBe('✗ 1 项未通过')
    const cases = Array.from(root.querySelectorAll('ol > li'))
    expect(cases.map((li) => li.className)).toEqual(['pass', 'fail'])
    expect(cases[0]!.querySelector('button')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '✓ 2021 年各项恰好达标（优秀） 2021 年 · 总分 99.5 · 优秀 · 第 1755 行',
    )
    expect(cases[1]!.querySelector('.failures')?.textContent?.trim()).toBe(
      '总分应为 77，实为 78：基本分 73，加分 5。',
    )
    expect(testsCount([buildResult(), FAILED])).toBe('1/2 通过')
    expect(caseFacts(buildResult({}, { total: null, grade: null }))).toBe(
      '2021 年 · 不出总分 · 无等次',
    )
  })

  it('asks the editor to show a case’s line when it is chosen', async () => {
    const element = await mount([buildResult(), FAILED])
    const reveal = vi.fn()
    element.addEventListener('ls-reveal', (event) => reveal(event.detail))
    element.shadowRoot!.querySelectorAll<HTMLButtonElement>('ol > li > button')[1]!.click()
    expect(reveal).toHaveBeenCalledWith({ line: 1788, col: 1, pointer: '/assessments/0/tests/1' })
  })

  it('says when there is nothing to run yet, or no tests at all', async () => {
    expect((await mount(undefined)).shadowRoot!.textContent).toContain('配置通过校验后运行考核测试')
    document.body.replaceChildren()
    expect((await mount([])).shadowRoot!.textContent).toContain('配置中没有考核测试')
  })
})

describe('PolicyValidation runs the policy tests', () => {
  it('passes Meishan’s seven cases, each placed at its line, then fails the case whose total is changed', async () => {
    const yaml = readFileSync(
      resolve('policies/meishan/medical-community-insurance-2020.yaml'),
      'utf8',
    )
    let text = yaml
    const host = {
      addController: vi.fn(),
      removeController: vi.fn(),
      requestUpdate: vi.fn(),
      updateComplete: Promise.resolve(true),
    }
    const validation = new PolicyValidation(host, () => ({ yaml: text, sourceText: '' }), 0)
    validation.reset()
    await vi.waitFor(() => expect(validation.tests).toBeDefined(), { timeout: 15_000 })
    expect(testsCount(validation.tests)).toBe('8/8 通过')
    const first = validation.tests![0]!
    expect(yaml.split('\n')[first.line! - 1]).toContain(first.name)

    text = yaml.replace('          total: 99.5\n', '          total: 98.5\n')
    validation.schedule(0)
    await vi.waitFor(() => expect(testsCount(validation.tests)).toBe('7/8 通过'), {
      timeout: 15_000,
    })
    expect(validation.tests![0]!.failures.map((failure) => failure.message.zh)).toEqual([
      expect.stringContaining('总分应为 98.5，实为 99.5'),
    ])
  }, 30_000)
})
