import { readFileSync } from 'node:fs'
import { policySchemaJson, POLICY_SCHEMA_JSON_PATH } from './write-json.ts'
import { policyValidator } from './ajv.ts'

describe('policy schema', () => {
  it('has an up-to-date JSON copy for editors (run `npm run schema:json` after a change)', () => {
    expect(readFileSync(POLICY_SCHEMA_JSON_PATH, 'utf8')).toBe(policySchemaJson())
  })

  it('compiles under Ajv strict mode', () => {
    expect(typeof policyValidator()).toBe('function')
  })
})
