import { policySchema } from '../../../schemas/policy/index.ts'
import { suggest } from './schema-completion.ts'
import { cursorContext } from './yaml-path.ts'

/** The context at the `|` in the text. */
function at(text: string) {
  const offset = text.indexOf('|')
  const lines = (text.slice(0, offset) + text.slice(offset + 1)).split('\n')
  const index = text.slice(0, offset).split('\n').length - 1
  const column = offset - (text.lastIndexOf('\n', offset - 1) + 1)
  return cursorContext((i) => lines[i], index, column)
}

const labels = (text: string) => suggest(policySchema as never, at(text)!).map((s) => s.label)

describe('cursorContext', () => {
  it('reads the mapping path of a key from indentation', () => {
    expect(at('metadata:\n  title: x\n  re|')).toMatchObject({
      path: ['metadata'],
      mode: 'key',
      prefix: 're',
      present: ['title'],
    })
  })

  it('counts list items as *', () => {
    expect(at('responsibilities:\n  - id: a\n    title: b\n    le|')).toMatchObject({
      path: ['responsibilities', '*'],
      present: ['title', 'id'],
    })
    expect(at('responsibilities:\n  - |')).toMatchObject({
      path: ['responsibilities', '*'],
      mode: 'key',
      prefix: '',
    })
  })

  it('walks nested blocks', () => {
    expect(at('timeline:\n  phases:\n    - id: plan\n      gate:\n        si|')).toMatchObject({
      path: ['timeline', 'phases', '*', 'gate'],
      prefix: 'si',
    })
  })

  it('reads values, in block and flow style', () => {
    expect(at('organizations:\n  units:\n    - id: a\n      kind: de|')).toMatchObject({
      path: ['organizations', 'units', '*', 'kind'],
      mode: 'value',
      prefix: 'de',
    })
    expect(at('organizations:\n  units:\n    - { id: a, kind: of|')).toMatchObject({
      path: ['organizations', 'units', '*', 'kind'],
      mode: 'value',
      prefix: 'of',
    })
    expect(at('metadata:\n  region: { name: x, le|')).toMatchObject({
      path: ['metadata', 'region'],
      mode: 'key',
      prefix: 'le',
    })
    expect(at('escalation:\n  steps:\n    - { level: urge, notify: [assignee, re|')).toMatchObject({
      path: ['escalation', 'steps', '*', 'notify', '*'],
      mode: 'value',
    })
  })

  it('offers nothing inside comments', () => {
    expect(at('# yaml-language-server: |')).toBeUndefined()
  })
})

describe('suggest', () => {
  it('offers the keys of the schema at the path, required first', () => {
    expect(labels('|')).toEqual(
      expect.arrayContaining([
        'metadata',
        'organizations',
        'responsibilities',
        'timeline',
        'forms',
      ]),
    )
    expect(labels('metadata:\n  region:\n    |')).toEqual(
      expect.arrayContaining(['name', 'level', 'parent', 'code']),
    )
  })

  it('offers enum values', () => {
    expect(labels('organizations:\n  units:\n    - id: a\n      kind: |')).toContain('department')
    expect(labels('metadata:\n  region: { level: |')).toContain('county')
  })

  it('merges the branches of a tagged union', () => {
    expect(labels('assessments:\n  - items:\n      - kind: deduct\n        |')).toEqual(
      expect.arrayContaining(['weight', 'measures', 'when']),
    )
  })
})
