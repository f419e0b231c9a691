/**
 * @module A phase's colour and name on the timeline and in the table, from its standing (see
 * domain/supervision/plan-figures.ts): green only when it closed with every task done; a phase
 * closed with work undone is amber, a late one red.
 */
import type { PlanProgress } from '../../api-types.ts'
import { messageTable } from '../../i18n.ts'

type Standing = PlanProgress['phases'][number]['standing']

const COLORS: Record<Standing, string> = {
  met: '#12b76a',
  unfinished: '#dc6803',
  late: '#d92d20',
  open: '#2e90fa',
  pending: '#98a2b3',
}

export function phaseColor(phase: Pick<PlanProgress['phases'][number], 'standing'>): string {
  return COLORS[phase.standing] ?? COLORS.pending
}

/** 未开始, 进行中, 逾期未关闭, 已完成, 已关闭未完成. */
export const standingText = messageTable({
  pending: { zh: '未开始', en: 'Not started' },
  open: { zh: '进行中', en: 'Open' },
  late: { zh: '逾期未关闭', en: 'Late' },
  met: { zh: '已完成', en: 'Done' },
  unfinished: { zh: '已关闭，未完成', en: 'Closed, unfinished' },
  gateUnfinished: { zh: '{n} 项任务未完成', en: '{n} tasks not done' },
})
