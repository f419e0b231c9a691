/**
 * A region's folder added under `policies/` with a valid config never breaks the tests: a copy of
 * the policies folder gets a generated region (one bundled region's config under a new id and
 * name, with its source document), and the golden checks pass over the copy — new region
 * included — and its plan publishes and starts.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { startPlan } from '../server/plans/start-plan.ts'
import { publishPolicy } from '../server/policies/publish-policy.ts'
import {
  expectEveryFolderHoldsAPlan,
  expectExplains,
  expectPointsAtSchema,
  expectValidates,
} from './helpers/golden-checks.ts'
import {
  allPolicyFiles,
  POLICIES_DIR,
  policyRegionFolders,
  regionOf,
} from './helpers/policy-files.ts'
import { makeTestApp } from './helpers/test-app.ts'

/** The first bundled region with a source document: whichever regions are bundled, one will do. */
const base = allPolicyFiles().find((file) =>
  existsSync(join(POLICIES_DIR, regionOf(file), 'source.txt')),
)!
const copy = mkdtempSync(join(tmpdir(), 'luoshi-policies-'))
cpSync(POLICIES_DIR, copy, { recursive: true })
const bundled = policyRegionFolders(copy)
const region = ['newtown', 'newtown-2', 'newtown-3'].find((name) => !bundled.includes(name))!
const newFile = join(copy, region, 'plan.yaml')
{
  const document = parseDocument(readFileSync(base, 'utf8'))
  const id = String(document.getIn(['metadata', 'id']))
  document.setIn(['metadata', 'id'], `${region}-${id}`)
  document.setIn(['metadata', 'region', 'name'], '新城县')
  mkdirSync(join(copy, region))
  writeFileSync(newFile, document.toString({ lineWidth: 0 }))
  cpSync(join(POLICIES_DIR, regionOf(base), 'source.txt'), join(copy, region, 'source.txt'))
}
afterAll(() => rmSync(copy, { recursive: true, force: true }))

describe('a policies folder with a new region added', () => {
  it('holds the new region beside every bundled one', () => {
    expect(policyRegionFolders(copy)).toEqual([...bundled, region].sort())
    expect(allPolicyFiles(copy)).toContain(newFile)
    expectEveryFolderHoldsAPlan(copy)
  })

  it.each(allPolicyFiles(copy).map((file) => [file.slice(copy.length + 1), file]))(
    '%s validates with no error and no warning',
    (_name, file) => expectValidates(file),
  )

  it.each(allPolicyFiles(copy).map((file) => [file.slice(copy.length + 1), file]))(
    '%s explains, with every clause it cites counted',
    (_name, file) => expectExplains(file),
  )

  it.each(allPolicyFiles(copy).map((file) => [file.slice(copy.length + 1), file]))(
    '%s points editors at the JSON Schema',
    (_name, file) => expectPointsAtSchema(file),
  )

  it('publishes the new region’s plan beside its original and starts it', async () => {
    const t = await makeTestApp()
    const source = (file: string) => readFileSync(join(file, '..', 'source.txt'), 'utf8')
    const original = await publishPolicy(t, t.clock, 'test', {
      yaml: readFileSync(base, 'utf8'),
      sourceText: source(base),
    })
    const added = await publishPolicy(t, t.clock, 'test', {
      yaml: readFileSync(newFile, 'utf8'),
      sourceText: source(newFile),
    })
    expect(added.version.policy_id).not.toBe(original.version.policy_id)
    expect(added.version.region).toBe('新城县')
    const started = await startPlan(t, t.clock, 'test', { versionId: added.version.id })
    expect(started.tasks).toBeGreaterThan(0)
  })
})
