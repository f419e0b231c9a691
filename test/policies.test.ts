/**
 * Golden tests over the bundled regional plans: each validates without a single issue, explains,
 * and is checked against its source document as regenerated from ../shared/seeds.
 */
import { readFileSync } from 'node:fs'
import { loadPolicyFile } from '../server/policies/load-policy.ts'
import { explainPolicy } from '../domain/compiler/explain-policy.ts'
import { SOURCES, sourceTextFor } from '../scripts/write-sources.ts'
import { allPolicyFiles, policyRegionFolders } from './helpers/policy-files.ts'

describe('bundled policies', () => {
  it('include a plan for every region whose source document is bundled, and a plan in every region folder', () => {
    const regions = new Set(allPolicyFiles().map((file) => file.split('/')[1]))
    for (const { region } of SOURCES) expect(regions).toContain(region)
    for (const folder of policyRegionFolders()) expect(regions).toContain(folder)
  })

  it.each(allPolicyFiles())('%s validates with no error and no warning', (file) => {
    const result = loadPolicyFile(file)
    expect(result.issues).toEqual([])
    expect(result.ok).toBe(true)
  })

  it.each(allPolicyFiles())('%s explains, with every clause it cites counted', (file) => {
    const result = loadPolicyFile(file)
    if (!result.ok) throw new Error(`${file} does not validate`)
    const text = explainPolicy(result.policy, { file, ...(result.source ? { source: result.source } : {}) })
    expect(text).toContain(result.policy.metadata.title)
    expect(text).toMatch(/条款覆盖 Clause coverage: \d+\/\d+/)
  })

  it.each(allPolicyFiles())('%s points editors at the JSON Schema', (file) => {
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/policy.schema.json')
  })

  it.each(SOURCES.map((entry) => [entry.region, entry] as const))(
    'policies/%s/source.txt is the seed document (simplified where the seed is traditional)',
    (region, entry) => {
      expect(readFileSync(`policies/${region}/source.txt`, 'utf8')).toBe(sourceTextFor(entry))
    },
  )
})
