import { describe, expect, it } from 'vitest'
import { readJson } from './json-columns.ts'

describe('readJson', () => {
  it('parses a column and keeps a null column null', () => {
    expect(readJson('app_user', 'roles', '["author","admin"]')).toEqual(['author', 'admin'])
    expect(readJson('task', 'data', null)).toBeNull()
  })

  it('names the column whose text is not JSON', () => {
    expect(() => readJson('task', 'snapshot', '{"value":')).toThrow(
      /^task\.snapshot holds text that is not JSON/,
    )
  })
})
