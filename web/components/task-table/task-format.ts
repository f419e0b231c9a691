/**
 * @module Labels for task fields shared by every task list: state, role, period and escalation
 * in the current locale. Plain functions with no per-call allocation beyond the string, so a
 * table of 500 rows stays cheap to render.
 */
import { stepOfState } from '../../../domain/workflow/state-names.ts'
import { locale, t, tOf } from '../../i18n.ts'

export { fill } from '../../i18n.ts'

/** The label of a task state; procedure steps (`step:<id>`) show the step id. */
export function stateLabel(state: string): string {
  const step = stepOfState(state)
  if (step !== undefined) return `${t('procedureStep')}：${step}`
  return tOf('state_', state)
}

export function roleLabel(role: string): string {
  return tOf('role_', role)
}

/** `once`, `2018`, `2018-Q3`, `2018-07` (or `2018-M07`) as 一次性, 2018年, 2018年第3季度, 2018年7月. */
export function periodLabel(period: string): string {
  if (period === 'once') return t('period_once')
  const zh = locale() === 'zh'
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period)
  if (quarter) return zh ? `${quarter[1]}年第${quarter[2]}季度` : `Q${quarter[2]} ${quarter[1]}`
  const month = /^(\d{4})-M?(\d{2})$/.exec(period)
  if (month) return zh ? `${month[1]}年${Number(month[2])}月` : `${month[1]}-${month[2]}`
  if (/^\d{4}$/.test(period)) return zh ? `${period}年` : period
  return period
}

/** 1 提醒, 2 催办, 3 督办, 4 通报; level 0 has no label. */
export function escalationLabel(level: number): string {
  return level > 0 ? tOf('escalation_', Math.min(level, 4)) : ''
}
