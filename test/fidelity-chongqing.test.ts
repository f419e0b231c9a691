/**
 * Chongqing's reply (渝卫函〔2024〕285号) sets no reporting unit, frequency or window for its
 * indicators, and no phase dates: the plan must not invent them. Checked by hand against
 * ../shared/seeds/chongqing-urban-medical-group-reply-2024.txt.
 */
import { loadPolicyFile } from '../server/policies/load-policy.ts'
import { entryDuties } from '../server/indicators/entry-duties.ts'
import type { PolicyConfig } from '../schemas/index.ts'

const FILE = 'policies/chongqing/urban-medical-group-2024.yaml'

function load(): PolicyConfig {
  const result = loadPolicyFile(FILE)
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)))
  return result.policy
}

describe('Chongqing: nothing the reply does not say', () => {
  const policy = load()
  const indicators = policy.indicators ?? []

  it('lists its 24 indicators with no reporting unit and no reporting frequency', () => {
    expect(indicators).toHaveLength(24)
    for (const indicator of indicators) {
      expect(indicator.owner, indicator.id).toHaveProperty('unspecified')
      expect(indicator.frequency, indicator.id).toHaveProperty('unspecified')
    }
  })

  it('gives no unit an entry duty, not even the office', () => {
    expect(entryDuties(policy, 'municipal-health-commission')).toEqual([])
  })

  it('marks every formula, and every direction but the two 二、(五) states, as inferred', () => {
    const stated = ['primary-visit-share', 'primary-fund-payment-share']
    for (const indicator of indicators) {
      if (indicator.formula) expect(indicator.inferred?.formula, indicator.id).toBeTruthy()
      if (indicator.definition) expect(indicator.inferred?.definition, indicator.id).toBeTruthy()
      const directed = indicator.direction !== undefined && indicator.direction !== 'none'
      if (directed && !stated.includes(indicator.id))
        expect(indicator.inferred?.direction, indicator.id).toBeTruthy()
    }
    for (const id of stated)
      expect(
        indicators.find((indicator) => indicator.id === id)?.inferred?.direction,
      ).toBeUndefined()
  })

  it('sets no phase window or deadline date the reply does not give (no 2026-12-31)', () => {
    for (const phase of policy.timeline.phases) expect(phase.window).toHaveProperty('unspecified')
    expect(JSON.stringify(policy)).not.toContain('2026-12-31')
  })

  it('sets up one 管委会 per district, chaired by the district’s leader', () => {
    const committee = policy.governance?.bodies?.find((b) => b.kind === 'management-committee')
    expect(committee?.perMember).toBe('district-county-governments')
    expect(committee?.perGroup).toBeUndefined()
    expect(committee?.chair?.unit).toBe('district-county-governments')
  })

  it('has 基层医疗卫生机构 co-build the joint clinics and wards, not support them', () => {
    const duty = policy.responsibilities.find((d) => d.id === 'joint-clinics-and-wards')!
    expect(duty.lead).toContain('primary-care-institutions')
    expect(duty.support ?? []).not.toContain('primary-care-institutions')
  })
})

describe('Chongqing: who guides and supervises', () => {
  const policy = load()
  it('has 市卫生健康委 supervise (指导督促) the districts’ work without carrying it', () => {
    const duty = policy.responsibilities.find(
      (d) => d.id === 'fulfil-district-fiscal-responsibility',
    )!
    expect(duty.supervisors).toEqual(['municipal-health-commission'])
    expect(duty.lead).toEqual(['district-county-governments'])
    expect(duty.support ?? []).not.toContain('municipal-health-commission')
  })
})
