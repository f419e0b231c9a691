import { readFileSync } from 'node:fs'
import { parsePositioned, parseYamlSource } from './yaml-document.ts'
import { allPolicyFiles } from '../../test/helpers/policy-files.ts'

describe('parseYamlSource', () => {
  it.each(allPolicyFiles())('reads %s exactly as the positioned parser does', (file) => {
    const text = readFileSync(file, 'utf8')
    expect(parseYamlSource(text).value).toEqual(parsePositioned(text).doc.toJS())
  })

  it('keeps dates, yes/no and version-like values as text (YAML 1.2 core schema)', () => {
    const { value } = parseYamlSource('date: 2018-06-22\nflag: yes\nversion: 1.0\ncode: 511400\n')
    expect(value).toEqual({ date: '2018-06-22', flag: 'yes', version: 1, code: 511400 })
  })

  it('positions a syntax error with the positioned parser', () => {
    const { issues, value } = parseYamlSource('a: 1\nb: [2\nc: 3\n')
    expect(value).toBeUndefined()
    expect(issues[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' })
    expect(issues[0]!.line).toBeGreaterThanOrEqual(2)
  })

  it('locates a pointer at the key of a block mapping and at a flow value', () => {
    const text = 'metadata:\n  id: x\nitems:\n  - { id: a, name: 甲 }\n'
    const source = parseYamlSource(text)
    expect(source.locate('/metadata')).toEqual({ line: 1, col: 1 })
    expect(source.locate('/items/0/name')).toEqual({ line: 4, col: 20 })
    expect(source.locate('/items/0/nope')).toEqual({ line: 4, col: 5 })
  })
})
