/** @module A phase's colour on the timeline and in the table: closed, late, open, pending. */
import type { PlanProgress } from '../../api-types.ts'

export function phaseColor(phase: Pick<PlanProgress['phases'][number], 'status' | 'late'>): string {
  if (phase.status === 'closed') return '#12b76a'
  if (phase.late) return '#d92d20'
  return phase.status === 'open' ? '#2e90fa' : '#98a2b3'
}
