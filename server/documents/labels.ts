/**
 * @module The Chinese names a document prints for a task's state, light and escalation level.
 * The level and light themselves come from the task's summary (tasks/task-views.ts), the same
 * values its badges show; only their printed names are here.
 */
import type { PlanModel } from '../plan-model/plan-model.ts'
import { stepOfState } from '../../domain/workflow/state-names.ts'
import { LIGHT_NAMES } from '../../domain/supervision/index.ts'
import type { Light } from '../../domain/supervision/index.ts'

const STATE_NAMES: Record<string, string> = {
  assigned: '待办',
  in_progress: '办理中',
  submitted: '待审核',
  returned: '已退回',
  approved: '已办结',
  done: '已办结',
  withdrawn: '已撤回',
  closed: '未完成关闭',
}

/** 提醒、催办、督办、通报 by level (1–4); level 0 has none. */
export const ESCALATION_NAMES = ['', '提醒', '催办', '督办', '通报'] as const

/** The state's name; a procedure's step is named by its step in the config. */
export function stateName(model: PlanModel, sourceId: string, state: string): string {
  const step = stepOfState(state)
  if (step !== undefined)
    return model.procedure(sourceId)?.steps.find((s) => s.id === step)?.name ?? step
  return STATE_NAMES[state] ?? state
}

export const lightName = (light: Light): string => LIGHT_NAMES[light].zh

export const escalationName = (level: number): string | null =>
  level > 0 ? ESCALATION_NAMES[Math.min(level, 4)]! : null
