/**
 * The golden checks every policies folder passes, whichever regions it holds: the bundled one
 * (test/policies.test.ts) and a copy with a region added (test/new-region.test.ts).
 */
import { readFileSync } from 'node:fs'
import { explainPolicy } from '../../domain/compiler/explain-policy.ts'
import { loadPolicyFile } from '../../server/policies/load-policy.ts'
import { allPolicyFiles, policyRegionFolders, regionOf } from './policy-files.ts'

/** Every region folder holds a plan. */
export function expectEveryFolderHoldsAPlan(dir?: string): void {
  const regions = new Set(allPolicyFiles(dir).map(regionOf))
  for (const folder of policyRegionFolders(dir)) expect(regions).toContain(folder)
}

/** The config validates against the source document beside it with no error and no warning. */
export function expectValidates(file: string): void {
  const result = loadPolicyFile(file)
  expect(result.issues).toEqual([])
  expect(result.ok).toBe(true)
}

/** The config explains, with every clause it cites counted. */
export function expectExplains(file: string): void {
  const result = loadPolicyFile(file)
  if (!result.ok) throw new Error(`${file} does not validate`)
  const text = explainPolicy(result.policy, {
    file,
    ...(result.source ? { source: result.source } : {}),
  })
  expect(text).toContain(result.policy.metadata.title)
  expect(text).toMatch(/条款覆盖 Clause coverage: \d+\/\d+/)
}

/** The config's first line points editors at the JSON Schema. */
export function expectPointsAtSchema(file: string): void {
  expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(
    '# yaml-language-server: $schema=../../schemas/policy.schema.json',
  )
}
