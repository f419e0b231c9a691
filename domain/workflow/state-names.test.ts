import { compileProcedureMachine, PROCEDURE_END } from './procedure-machine.ts'
import {
  FINISHED_STATE_NAMES,
  NAMED_STATES,
  OPEN_TASK_STATES,
  PROCEDURE_DONE,
  stepOfState,
  stepState,
  TASK_STATES,
  CLOSED_STATE_NAME,
  WITHDRAWN_STATE_NAME,
} from './state-names.ts'
import { taskMachine } from './task-machine.ts'
import { CLOSED_STATES, FINISHED_STATES, statesTagged, WITHDRAWN_STATES } from './task-states.ts'

describe('the plain state names', () => {
  it('list the task machine states in definition order', () => {
    expect([...TASK_STATES]).toEqual(Object.keys(taskMachine.states))
  })

  it('name the end every procedure shares', () => {
    expect([PROCEDURE_DONE]).toEqual(Object.keys(PROCEDURE_END))
  })

  it('call finished exactly the states the machines tag finished', () => {
    expect([...FINISHED_STATE_NAMES]).toEqual(FINISHED_STATES)
  })

  it('call open the task machine states tagged neither finished, withdrawn nor closed', () => {
    const ended = [
      ...statesTagged(taskMachine.states, 'finished'),
      ...statesTagged(taskMachine.states, 'withdrawn'),
      ...statesTagged(taskMachine.states, 'closed'),
    ]
    expect(OPEN_TASK_STATES).toEqual(
      Object.keys(taskMachine.states).filter((state) => !ended.includes(state)),
    )
  })

  it('name the withdrawn end as the machines tag it', () => {
    expect([WITHDRAWN_STATE_NAME]).toEqual(WITHDRAWN_STATES)
  })

  it('name the closed end as the machines tag it', () => {
    expect([CLOSED_STATE_NAME]).toEqual(CLOSED_STATES)
  })

  it('name every fixed state once', () => {
    expect(NAMED_STATES).toEqual([
      ...Object.keys(taskMachine.states),
      ...Object.keys(PROCEDURE_END),
    ])
  })

  it('name a procedure step as its machine does, and read the step back', () => {
    const machine = compileProcedureMachine({
      id: 'p',
      name: 'p',
      source: { clause: '一、', quote: 'p' },
      steps: [
        { id: 'apply', name: 'apply', kind: 'submit', actor: ['district'] },
        { id: 'review', name: 'review', kind: 'review', actor: ['city'] },
      ],
    })
    expect(Object.keys(machine.states)).toEqual([
      stepState('apply'),
      stepState('review'),
      PROCEDURE_DONE,
      WITHDRAWN_STATE_NAME,
      CLOSED_STATE_NAME,
    ])
    expect(stepOfState(stepState('review'))).toBe('review')
    expect(stepOfState('approved')).toBeUndefined()
    expect(stepOfState(PROCEDURE_DONE)).toBeUndefined()
  })
})
