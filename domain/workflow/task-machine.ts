/**
 * @module The task lifecycle: assigned → in progress → submitted → approved, or returned (驳回,
 * with a reason) → resubmitted. A lead unit cannot submit while supporting units' contributions
 * are outstanding; a task with no reviewer is approved when submitted, except one only a review
 * may approve (indicator entry), which stays submitted.
 */
import { and } from 'xstate'
import {
  CLOSE_HANDLER,
  CLOSED_END,
  initialTaskContext,
  TIMER_HANDLERS,
  WITHDRAW_HANDLER,
  WITHDRAWN_END,
  workflow,
} from './registry.ts'

/**
 * Where a submission goes: to review; straight to approved when nobody reviews — unless only a
 * review may approve it (indicator entry), when it stays submitted and its values correctable.
 */
const submit = [
  { guard: and(['contributionsComplete', 'reviewed']), target: 'submitted' },
  { guard: 'contributionsComplete', target: 'approved' },
] as const

export const taskMachine = workflow.createMachine({
  id: 'task',
  context: ({ input }) => initialTaskContext(input),
  initial: 'assigned',
  on: { ...TIMER_HANDLERS, ...WITHDRAW_HANDLER, ...CLOSE_HANDLER },
  states: {
    assigned: {
      tags: 'owing',
      on: { START: 'in_progress', SAVE: 'in_progress', SUBMIT: submit },
    },
    in_progress: {
      tags: 'owing',
      on: { SAVE: 'in_progress', SUBMIT: submit },
    },
    submitted: {
      on: {
        APPROVE: 'approved',
        RETURN: { guard: 'hasReason', target: 'returned', actions: 'countReturn' },
      },
    },
    returned: {
      tags: 'owing',
      on: { SAVE: 'returned', RESUBMIT: submit },
    },
    approved: { type: 'final', tags: 'finished' },
    ...WITHDRAWN_END,
    ...CLOSED_END,
  },
})
