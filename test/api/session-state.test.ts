/**
 * GET /api/auth/session: the web app's first request answers 200 whether or not anyone is signed
 * in, and tells a signed-in unit the assessments it runs (for its landing page and 考核).
 */
import { MEISHAN_MEMBERS } from '../helpers/meishan.ts'
import { loginAs, makeTestApp, startBundledPlan } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

describe('GET /api/auth/session', () => {
  let t: TestApp
  let planId: string
  let policyId: string

  beforeAll(async () => {
    t = await makeTestApp('2021-03-01T09:00:00+08:00')
    ;({ planId, policyId } = await startBundledPlan(t, 'meishan', MEISHAN_MEMBERS))
  })
  afterAll(async () => {
    await t.db.destroy()
  })

  it('answers 200 with no user before login, not a 401', async () => {
    const response = await t.app.request('/api/auth/session')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ user: null, csrfToken: null, assessing: [] })
  })

  it('names the assessments the assessor and its partners run, and none for an assessed unit', async () => {
    const assessor = await loginAs(t, 'city-medical-insurance', {
      units: [{ policyId, unitId: 'city-healthcare-security-bureau' }],
    })
    const state = (await (await assessor.get('/api/auth/session')).json()) as {
      user: { username: string }
      csrfToken: string
      assessing: Array<{ planId: string; assessmentId: string; assessmentName: string }>
    }
    expect(state.user.username).toBe('city-medical-insurance')
    expect(state.csrfToken).toBe(assessor.csrfToken)
    expect(state.assessing).toEqual([
      {
        planId,
        planName: expect.any(String),
        assessmentId: 'reform-assessment',
        assessmentName: '紧密型县域医共体医疗保障管理改革考核',
      },
    ])

    const partner = await loginAs(t, 'city-finance', {
      units: [{ policyId, unitId: 'city-finance-bureau' }],
    })
    const partnerState = (await (await partner.get('/api/auth/session')).json()) as {
      assessing: unknown[]
    }
    expect(partnerState.assessing).toHaveLength(1)

    const assessed = await loginAs(t, 'dongpo', { units: [{ policyId, unitId: 'dongpo-mc' }] })
    const assessedState = (await (await assessed.get('/api/auth/session')).json()) as {
      assessing: unknown[]
    }
    expect(assessedState.assessing).toEqual([])
  })
})
