/**
 * @module Compiles a config `procedure` (e.g. Meishan's application: a district submits the
 * materials → the city evaluates → the reform starts) into a machine with one state per step.
 * `COMPLETE` moves to the next step; `RETURN` at a review or decision step goes back to the first
 * step with the reason; after the last step the procedure is done.
 */
import type { PolicyConfig } from '../../schemas/index.ts'
import {
  CLOSE_HANDLER,
  CLOSED_END,
  initialTaskContext,
  TIMER_HANDLERS,
  WITHDRAW_HANDLER,
  WITHDRAWN_END,
  workflow,
} from './registry.ts'
import type { WorkflowMachine } from './run-machine.ts'
import { PROCEDURE_DONE, stepState } from './state-names.ts'

type Procedure = NonNullable<PolicyConfig['procedures']>[number]

/**
 * The states every procedure ends in, whatever its steps: `done`, finished. Steps carry no tag:
 * a procedure has no deadline, so nothing reminds or escalates it.
 */
export const PROCEDURE_END = { [PROCEDURE_DONE]: { type: 'final', tags: ['finished'] } } as const

/** Builds the machine for one procedure. */
export function compileProcedureMachine(procedure: Procedure): WorkflowMachine {
  const first = stepState(procedure.steps[0]!.id)
  const states = Object.fromEntries(
    procedure.steps.map((step, index) => {
      const next = procedure.steps[index + 1]
      const target = next ? stepState(next.id) : PROCEDURE_DONE
      const canReturn = step.kind === 'review' || step.kind === 'decide'
      return [
        stepState(step.id),
        {
          on: {
            COMPLETE: { target, actions: 'nextStep' },
            ...(canReturn
              ? {
                  RETURN: {
                    guard: 'hasReason',
                    target: first,
                    actions: ['countReturn', 'firstStep'],
                  },
                }
              : {}),
          },
        },
      ]
    }),
  )
  return workflow.createMachine({
    id: `procedure:${procedure.id}`,
    context: ({ input }) => initialTaskContext(input),
    initial: first,
    on: { ...TIMER_HANDLERS, ...WITHDRAW_HANDLER, ...CLOSE_HANDLER },
    // Step states are generated from config, so their names are not known to the type system.
    states: { ...states, ...PROCEDURE_END, ...WITHDRAWN_END, ...CLOSED_END } as never,
  }) as unknown as WorkflowMachine
}
