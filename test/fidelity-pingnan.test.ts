/**
 * Pingnan's plan (平南县医疗联合体建设实施方案, 2018) against the errors a clause-by-clause review
 * found: each fact below is checked by hand against
 * ../shared/seeds/pingnan-medical-alliance-plan-2018.txt.
 */
import { loadPolicyFile } from '../server/policies/load-policy.ts'
import type { PolicyConfig } from '../schemas/index.ts'
import { loginAs, makeTestApp, startBundledPlan, taskId } from './helpers/test-app.ts'

const FILE = 'policies/pingnan/medical-alliance-2018.yaml'

function load(): PolicyConfig {
  const result = loadPolicyFile(FILE)
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)))
  return result.policy
}

describe('Pingnan: what 二、(一) and 二、(二) say', () => {
  const policy = load()
  const group = (id: string) => policy.organizations.groups!.find((g) => g.id === id)!

  it('has the imaging and pediatric alliances led by 县人民医院 and 县妇幼保健院, as named (以…牵头)', () => {
    for (const id of ['specialty-alliance-imaging', 'specialty-alliance-pediatrics'])
      expect(group(id).lead).toEqual(['county-peoples-hospital', 'county-maternal-child-hospital'])
  })

  it('gives the 三二医联体 duty to 县人民医院 and 县中医院, each with its own share, owning the 2018 target of two', () => {
    const duty = policy.responsibilities.find((d) =>
      d.shares?.some((share) => share.group === 'alliance-city-county-peoples'),
    )
    expect(duty).toBeDefined()
    expect(duty!.lead).toEqual(['county-peoples-hospital', 'county-tcm-hospital'])
    expect(duty!.shares!.map((share) => [share.unit, share.group])).toEqual([
      ['county-peoples-hospital', 'alliance-city-county-peoples'],
      ['county-tcm-hospital', 'alliance-city-county-tcm'],
    ])
    expect(duty!.indicators).toContain('tertiary-secondary-alliance-count')
    const count = policy.indicators!.find((i) => i.id === 'tertiary-secondary-alliance-count')!
    expect(count.targets).toEqual([expect.objectContaining({ year: 2018, op: '>=', value: 2 })])
  })

  it('checks 每个卫生院不少于3人 (医生2人, 护士1人) as every-member targets on the township centres', () => {
    const every = (policy.indicators ?? []).flatMap((indicator) =>
      (indicator.targets ?? [])
        .filter((target) => target.each)
        .map((target) => ({ owner: indicator.owner, op: target.op, value: target.value })),
    )
    const centres = ['township-health-centers']
    expect(every).toEqual([
      { owner: centres, op: '>=', value: 3 },
      { owner: centres, op: '>=', value: 2 },
      { owner: centres, op: '>=', value: 1 },
    ])
  })
})

describe('Pingnan: each county hospital sees its own share of the 三二医联体 duty', () => {
  it('gives 县中医院 its own part on its task page', async () => {
    const t = await makeTestApp('2018-07-02T09:00:00+08:00')
    const { planId, policyId } = await startBundledPlan(t, 'pingnan')
    const id = await taskId(t, planId, 'build-tertiary-secondary-alliances', 'county-tcm-hospital')
    const tcm = await loginAs(t, 'tcm', { units: [{ policyId, unitId: 'county-tcm-hospital' }] })
    const task = (await (await tcm.get(`/api/tasks/${id}`)).json()) as { share: string | null }
    expect(task.share).toBe('积极配合市中医医院推进市中医医院与县中医院三二医联体建设')
  })
})
