import { lineOf, validateWithSource, withReplaced } from '../../test/helpers/minimal-policy.ts'
import { DEFAULT_BULLETIN, fillPlaceholders, unknownPlaceholders } from './bulletin-template.ts'

const withBulletin = (bulletin: string) =>
  withReplaced('dataElements:\n', `supervision:\n  bulletin:\n${bulletin}dataElements:\n`)

describe('the 情况通报 template', () => {
  it('fills every placeholder of the default template', () => {
    const values = {
      plan: '示范计划',
      policy: '示范方案',
      office: '县医改办',
      from: '2018-04-01',
      to: '2018-04-30',
      total: 12,
      done: 7,
      onTime: 5,
      late: 2,
      overdue: 3,
      red: 3,
      yellow: 1,
      onTimeRate: 41.7,
    }
    for (const text of Object.values(DEFAULT_BULLETIN)) {
      expect(unknownPlaceholders(text)).toEqual([])
      expect(fillPlaceholders(text, values)).not.toMatch(/[{}]/)
    }
  })

  it('accepts a config’s own title, opening and closing', () => {
    const text = withBulletin(
      "    title: '{plan}情况通报'\n    opening: '{from}至{to}，逾期{overdue}项。'\n    closing: 请报送{office}。\n",
    )
    expect(validateWithSource(text).issues).toEqual([])
  })

  it('rejects an unknown placeholder at its line, naming the one meant, in Chinese and English', () => {
    const text = withBulletin("    opening: '逾期{overdu}项'\n")
    const issues = validateWithSource(text).issues
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({
      code: 'unknown-placeholder',
      pointer: '/supervision/bulletin/opening',
      line: lineOf(text, 'opening:'),
    })
    expect(issues[0]!.message.zh).toContain('{overdue}')
    expect(issues[0]!.message.en).toContain('Did you mean "{overdue}"')
  })

  it('rejects an unknown field of the section at its pointer', () => {
    const issues = validateWithSource(withBulletin('    footer: 附件\n')).issues
    expect(issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['unknown-field', '/supervision/bulletin/footer'],
    ])
  })
})
