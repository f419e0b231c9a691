/**
 * Compiled plan models are cached by version id (a version is immutable) in a cache bounded by
 * count, least recently used out first.
 */
import { SimulatedClock } from '../clock.ts'
import { makeDb } from '../../test/helpers/make-db.ts'
import type { TestDb } from '../../test/helpers/make-db.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE } from '../../test/helpers/minimal-policy.ts'
import type { PolicyVersionRow } from '../db/database.ts'
import { publishPolicy } from '../policies/publish-policy.ts'
import { loadPlanModel } from './plan-context.ts'
import { clearPlanModels, PLAN_MODEL_CACHE_SIZE, planModel } from './plan-model.ts'

describe('the plan model cache', () => {
  let t: TestDb
  let row: PolicyVersionRow
  const as = (id: string): PolicyVersionRow => ({ ...row, id })

  beforeAll(async () => {
    t = await makeDb()
    row = (
      await publishPolicy(t, new SimulatedClock('2021-01-01T09:00:00+08:00'), 'test', {
        yaml: MINIMAL_POLICY,
        sourceText: MINIMAL_SOURCE,
      })
    ).version
  })
  beforeEach(() => clearPlanModels())

  it('builds a version’s model once, and reads its row only when the model is not cached', async () => {
    const model = await loadPlanModel(t.db, row.id)
    expect(model).toBeDefined()
    expect(planModel(row)).toBe(model)
    // Cached: found without the row (an unknown id would be undefined).
    expect(await loadPlanModel(t.db, 'not-stored')).toBeUndefined()
    const kept = planModel(as('not-stored'))
    expect(await loadPlanModel(t.db, 'not-stored')).toBe(kept)
  })

  it(`keeps at most ${PLAN_MODEL_CACHE_SIZE} models, dropping the least recently used`, () => {
    const first = planModel(as('v0'))
    const second = planModel(as('v1'))
    for (let index = 2; index < PLAN_MODEL_CACHE_SIZE; index++) planModel(as(`v${index}`))
    expect(planModel(as('v0'))).toBe(first) // used again: now the most recent
    planModel(as(`v${PLAN_MODEL_CACHE_SIZE}`)) // one over the bound: v1, the least recent, goes
    expect(planModel(as('v0'))).toBe(first)
    expect(planModel(as('v1'))).not.toBe(second)
  })
})
