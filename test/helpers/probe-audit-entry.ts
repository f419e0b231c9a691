/** An audit entry of plan 'plan-probe' named by its action, for tests of when entries are written. */
import type { AuditEntry } from '../../server/audit/audit-log.ts'

export const probeAuditEntry = (action: string): AuditEntry => ({
  at: '2018-04-02T01:00:00.000Z',
  actor: 'tester',
  action,
  entity: 'probe',
  entityId: action,
  payload: { action },
  planId: 'plan-probe',
})
