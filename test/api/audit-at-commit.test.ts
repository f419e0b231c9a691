/**
 * A write's audit entries join the chain at its commit (server/db/group-commit.ts, deferToCommit):
 * not while the rest of its work runs, exactly once when it commits, never when it is refused —
 * and a write refused beside it in the same batch takes none of its neighbours' entries with it.
 */
import { appendAudit } from '../../server/audit/audit-log.ts'
import { probeAuditEntry } from '../helpers/probe-audit-entry.ts'
import { makeTestApp } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

let t: TestApp

beforeEach(async () => {
  t = await makeTestApp()
})
afterEach(async () => {
  await t.db.destroy()
})

const logged = (action: string) =>
  t.db.selectFrom('audit_log').select(['chain', 'chain_seq']).where('action', '=', action).execute()

describe('audit entries written in a write', () => {
  it('join the chain at its commit, once', async () => {
    const seenInside = await t.writes.run(async (trx) => {
      await appendAudit(trx, [probeAuditEntry('probe.one')])
      return trx.selectFrom('audit_log').select('seq').where('action', '=', 'probe.one').execute()
    })
    expect(seenInside).toEqual([])
    expect(await logged('probe.one')).toEqual([{ chain: 'plan-probe', chain_seq: 1 }])
  })

  it('are dropped with a refused write, and kept for the write beside it', async () => {
    const results = await Promise.allSettled([
      t.writes.run(async (trx) => {
        await appendAudit(trx, [probeAuditEntry('probe.refused')])
        throw new Error('refused after its entry')
      }),
      t.writes.run((trx) => appendAudit(trx, [probeAuditEntry('probe.kept')])),
    ])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled'])
    expect(await logged('probe.refused')).toEqual([])
    expect(await logged('probe.kept')).toEqual([{ chain: 'plan-probe', chain_seq: 1 }])
  })
})
