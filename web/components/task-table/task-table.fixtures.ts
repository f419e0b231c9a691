/** @module Task summaries for tests of the components that list tasks. */
import type { TaskSummary } from '../../api-types.ts'

/** A summary as `GET /api/tasks` returns it; override what the test is about. */
export function buildSummary(overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id: 'task-1',
    planId: 'plan-1',
    sourceId: 'safeguard-funding',
    kind: 'responsibility',
    title: '完善投入政策',
    assignee: { id: 'county-finance-bureau', name: '县财政局' },
    role: 'lead',
    period: 'once',
    phaseId: 'carry-out',
    state: 'assigned',
    version: 1,
    opensOn: '2018-07-01',
    dueOn: '2018-06-30',
    duePhrase: '2018年6月下旬',
    overdue: true,
    escalation: 3,
    light: 'red',
    dueSoon: false,
    ...overrides,
  }
}
