/**
 * Writes `schemas/policy.schema.json`, the copy editors use through the
 * `# yaml-language-server: $schema=` modeline. The TS constant stays the source of truth;
 * a test fails when the copy is stale.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { policySchema } from './policy/index.ts'

export const POLICY_SCHEMA_JSON_PATH = fileURLToPath(
  new URL('./policy.schema.json', import.meta.url),
)

/** The JSON text of the policy schema, as written to disk. */
export function policySchemaJson(): string {
  return JSON.stringify(policySchema, null, 2) + '\n'
}

if (import.meta.main) {
  writeFileSync(POLICY_SCHEMA_JSON_PATH, policySchemaJson())
  console.log(`wrote ${POLICY_SCHEMA_JSON_PATH}`)
}
