/**
 * The 督办 list names the tasks its reader may urge (催办): exactly those a 催办 from that reader
 * is not refused as forbidden — the office's, a lead's for the units supporting it — so a reader
 * who may see the list but not urge (a unit its own task, a leader who is not the office) is not
 * offered a button that answers 403.
 */
import { startOfficePlan } from '../helpers/office-documents.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client } from '../helpers/test-app.ts'

interface Escalations {
  supervise: Array<{ id: string }>
  circulate: Array<{ id: string }>
  urgeable: string[]
}

describe('GET /api/plans/:id/escalations', () => {
  it('names as urgeable exactly the listed tasks its reader’s 催办 is not refused for', async () => {
    const t = await makeTestApp()
    const { planId, office, finance } = await startOfficePlan(t)
    const { policy_id: policyId } = await t.db
      .selectFrom('plan')
      .select('policy_id')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow()
    const reformOffice = await loginAs(t, 'reform', {
      units: [{ policyId, unitId: 'reform-office' }],
    })
    const seen: Record<string, { listed: number; urgeable: number }> = {}
    for (const [name, client] of Object.entries<Client>({ office, finance, reformOffice })) {
      const response = await client.get(`/api/plans/${planId}/escalations`)
      expect(response.status, name).toBe(200)
      const lists = (await response.json()) as Escalations
      const listed = [...lists.supervise, ...lists.circulate].map((task) => task.id)
      for (const id of listed) {
        const urged = await client.post(`/api/tasks/${id}/urge`, { message: '请尽快办理' })
        expect(lists.urgeable.includes(id), `${name} ${id} ${urged.status}`).toBe(
          urged.status !== 403,
        )
      }
      expect(lists.urgeable.every((id) => listed.includes(id))).toBe(true)
      seen[name] = { listed: listed.length, urgeable: lists.urgeable.length }
    }
    // The office urges the late tasks; a unit reading its own late task is not offered to urge it.
    expect(seen.office!.urgeable).toBeGreaterThan(0)
    expect(seen.reformOffice).toEqual({ listed: 1, urgeable: 0 })
    await t.db.destroy()
  })
})
