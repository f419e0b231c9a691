/**
 * Golden tests over the bundled regional plans: each validates without a single issue, explains,
 * and is checked against its source document as regenerated from ../shared/seeds.
 */
import { readFileSync } from 'node:fs'
import { SOURCES, sourceTextFor } from '../scripts/write-sources.ts'
import {
  expectEveryFolderHoldsAPlan,
  expectExplains,
  expectPointsAtSchema,
  expectValidates,
} from './helpers/golden-checks.ts'
import { allPolicyFiles, regionOf } from './helpers/policy-files.ts'

describe('bundled policies', () => {
  it('include a plan for every region whose source document is bundled, and a plan in every region folder', () => {
    const regions = new Set(allPolicyFiles().map(regionOf))
    for (const { region } of SOURCES) expect(regions).toContain(region)
    expectEveryFolderHoldsAPlan()
  })

  it.each(allPolicyFiles())('%s validates with no error and no warning', expectValidates)

  it.each(allPolicyFiles())('%s explains, with every clause it cites counted', expectExplains)

  it.each(allPolicyFiles())('%s points editors at the JSON Schema', expectPointsAtSchema)

  it.each(SOURCES.map((entry) => [entry.region, entry] as const))(
    'policies/%s/source.txt is the seed document (simplified where the seed is traditional)',
    (region, entry) => {
      expect(readFileSync(`policies/${region}/source.txt`, 'utf8')).toBe(sourceTextFor(entry))
    },
  )
})
