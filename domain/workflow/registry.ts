/**
 * @module The one XState `setup()` of tasks: the typed registry of guards and actions every
 * compiled task machine refers to by name. Task machines come from config (task-machine.ts,
 * procedure-machine.ts); none is written per region. A phase has other events and no context,
 * so phase-machine.ts declares its own small `setup()`.
 */
import { assign, setup } from 'xstate'

/** What a task's machine remembers besides its state. */
export interface TaskContext {
  /** Who reviews a submission (unit or body id); null when nobody does. */
  reviewer: string | null
  /**
   * Only a review approves it (indicator entry): with no reviewer a submission stays submitted
   * rather than approving itself. Absent in snapshots written before it existed.
   */
  reviewRequired?: boolean
  /** Supporting units' contributions the lead still waits for. */
  pendingContributions: number
  /** 0 none, 1 提醒 remind, 2 催办 urge, 3 督办 supervise, 4 通报 circulate. */
  escalation: number
  overdue: boolean
  /** How many times it was returned (驳回). */
  returns: number
  lastReason: string | null
  /** For procedures: the index of the current step. */
  step: number
}

export type TaskEvent =
  | { type: 'START' }
  | { type: 'SAVE'; data: unknown }
  | { type: 'SUBMIT'; data: unknown }
  | { type: 'RESUBMIT'; data: unknown }
  | { type: 'APPROVE'; comment?: string }
  | { type: 'RETURN'; reason: string }
  | { type: 'COMPLETE'; data?: unknown }
  | { type: 'REMIND' }
  | { type: 'OVERDUE' }
  | { type: 'ESCALATE'; level: number }
  | { type: 'CONTRIBUTION_ACCEPTED' }
  | { type: 'CONTRIBUTION_ADDED' }
  | { type: 'CONTRIBUTION_WITHDRAWN' }
  | { type: 'WITHDRAW'; reason: string }
  | { type: 'CLOSE'; reason: string }

export type TaskEventType = TaskEvent['type']

/**
 * What a state says about the work: `owing` — the assignee still owes it, so reminders and
 * escalation apply; `finished` — nothing more is expected (approved, or a procedure done);
 * `withdrawn` — the task no longer applies (its unit left the group that owned it, or a revised
 * policy dropped it): kept with its history, it counts toward nothing; `closed` — the plan was
 * closed at the end of its effective period with the work still open (未完成关闭): it ends, but
 * unlike a withdrawal it still counts, as work left undone.
 */
export type TaskTag = 'owing' | 'finished' | 'withdrawn' | 'closed'

/** Events only the system sends (timers, cascades); a user sending one gets a 403. */
export const SYSTEM_EVENTS: ReadonlySet<TaskEventType> = new Set([
  'REMIND',
  'OVERDUE',
  'ESCALATE',
  'CONTRIBUTION_ACCEPTED',
  'CONTRIBUTION_ADDED',
  'CONTRIBUTION_WITHDRAWN',
  'WITHDRAW',
  'CLOSE',
])

export interface TaskInput {
  reviewer: string | null
  pendingContributions: number
  reviewRequired?: boolean
}

export const workflow = setup({
  types: {
    context: {} as TaskContext,
    events: {} as TaskEvent,
    input: {} as TaskInput,
    tags: {} as TaskTag,
  },
  guards: {
    contributionsComplete: ({ context }) => context.pendingContributions === 0,
    // A submission goes to review when the task has a reviewer, or — indicator entry — when only
    // a review may approve it.
    reviewed: ({ context }) => context.reviewer !== null || context.reviewRequired === true,
    hasReason: ({ event }) =>
      (event.type === 'RETURN' || event.type === 'WITHDRAW' || event.type === 'CLOSE') &&
      event.reason.trim().length > 0,
    escalatesFurther: ({ context, event }) =>
      event.type === 'ESCALATE' && event.level > context.escalation,
  },
  actions: {
    countReturn: assign({
      returns: ({ context }) => context.returns + 1,
      lastReason: ({ event }) => (event.type === 'RETURN' ? event.reason : null),
    }),
    markReminded: assign({ escalation: ({ context }) => Math.max(context.escalation, 1) }),
    markOverdue: assign({
      overdue: true,
      escalation: ({ context }) => Math.max(context.escalation, 2),
    }),
    escalate: assign({
      escalation: ({ context, event }) =>
        event.type === 'ESCALATE' ? event.level : context.escalation,
    }),
    acceptContribution: assign({
      pendingContributions: ({ context }) => Math.max(0, context.pendingContributions - 1),
    }),
    addContribution: assign({
      pendingContributions: ({ context }) => context.pendingContributions + 1,
    }),
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    firstStep: assign({ step: 0 }),
  },
})

/** The initial context of a task from its input. */
export function initialTaskContext(input: TaskInput): TaskContext {
  return { ...input, escalation: 0, overdue: false, returns: 0, lastReason: null, step: 0 }
}

/** Root-level handlers every task and procedure shares: reminders, overdue, escalation. */
export const TIMER_HANDLERS = {
  REMIND: { actions: 'markReminded' },
  OVERDUE: { actions: 'markOverdue' },
  ESCALATE: { guard: 'escalatesFurther', actions: 'escalate' },
  CONTRIBUTION_ACCEPTED: { actions: 'acceptContribution' },
  // A supporting unit's task made or withdrawn after the lead's began: the lead waits for one
  // more contribution, or one fewer.
  CONTRIBUTION_ADDED: { actions: 'addContribution' },
  CONTRIBUTION_WITHDRAWN: { actions: 'acceptContribution' },
} as const

/** The state a withdrawn task ends in, whatever its machine. */
export const WITHDRAWN_STATE = 'withdrawn'

/**
 * The end every machine shares for work that no longer applies: final, tagged `withdrawn`, so
 * it is neither owed (no reminders) nor finished (it does not count as done).
 */
export const WITHDRAWN_END = {
  [WITHDRAWN_STATE]: { type: 'final', tags: ['withdrawn'] },
} as const

/**
 * The root-level handler that withdraws a task from any state not yet final, with a reason (a
 * finished task stays finished). Only the system sends it (server/tasks/withdraw-tasks.ts).
 */
export const WITHDRAW_HANDLER = {
  WITHDRAW: { guard: 'hasReason', target: `.${WITHDRAWN_STATE}` },
} as const

/** The state a task ends in when its plan is closed with the task still open (未完成关闭). */
export const CLOSED_STATE = 'closed'

/**
 * The end every machine shares for work a closed plan left undone: final, tagged `closed`, so it
 * is neither owed (no reminders) nor finished — progress counts it as not done.
 */
export const CLOSED_END = {
  [CLOSED_STATE]: { type: 'final', tags: ['closed'] },
} as const

/**
 * The root-level handler that closes a task from any state not yet final, with the reason the
 * plan was closed (a finished or withdrawn task stays as it is). Only the system sends it
 * (server/plans/plan-lifecycle.ts).
 */
export const CLOSE_HANDLER = {
  CLOSE: { guard: 'hasReason', target: `.${CLOSED_STATE}` },
} as const
