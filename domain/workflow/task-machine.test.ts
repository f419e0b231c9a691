import { taskMachine } from './task-machine.ts'
import { compileProcedureMachine } from './procedure-machine.ts'
import { acceptedEvents, startTask, stepTask } from './run-machine.ts'
import type { PersistedTask } from './run-machine.ts'
import type { TaskEvent } from './registry.ts'
import {
  CLOSED_STATES,
  FINISHED_STATES,
  OWING_STATES,
  stateHasTag,
  WITHDRAWN_STATES,
} from './task-states.ts'

function run(start: PersistedTask, ...events: TaskEvent[]): PersistedTask {
  return events.reduce((current, event) => {
    const result = stepTask(taskMachine, current, event)
    if (!result.ok) throw new Error(`${event.type} refused in ${result.state}`)
    return result.next
  }, start)
}

describe('task machine', () => {
  const reviewed = () =>
    startTask(taskMachine, { reviewer: 'reform-office', pendingContributions: 0 })

  it('goes assigned → in progress → submitted → approved', () => {
    const start = reviewed()
    expect(start.value).toBe('assigned')
    expect(run(start, { type: 'START' }, { type: 'SUBMIT', data: {} }).value).toBe('submitted')
    const approved = run(
      start,
      { type: 'START' },
      { type: 'SUBMIT', data: {} },
      { type: 'APPROVE' },
    )
    expect(approved).toMatchObject({ value: 'approved', status: 'done' })
  })

  it('returns with a reason and takes a resubmission', () => {
    const returned = run(
      reviewed(),
      { type: 'SUBMIT', data: {} },
      { type: 'RETURN', reason: '缺少佐证材料' },
    )
    expect(returned.value).toBe('returned')
    expect(returned.context).toMatchObject({ returns: 1, lastReason: '缺少佐证材料' })
    expect(run(returned, { type: 'RESUBMIT', data: {} }).value).toBe('submitted')
  })

  it('refuses a return without a reason, naming the events the state accepts', () => {
    const submitted = run(reviewed(), { type: 'SUBMIT', data: {} })
    expect(stepTask(taskMachine, submitted, { type: 'RETURN', reason: ' ' })).toEqual({
      ok: false,
      state: 'submitted',
      accepted: ['APPROVE', 'RETURN'],
    })
  })

  it('approves on submission when nobody reviews', () => {
    const start = startTask(taskMachine, { reviewer: null, pendingContributions: 0 })
    expect(run(start, { type: 'SUBMIT', data: {} }).value).toBe('approved')
  })

  it('keeps a lead from submitting until every contribution is accepted', () => {
    const lead = startTask(taskMachine, { reviewer: 'office', pendingContributions: 2 })
    expect(stepTask(taskMachine, lead, { type: 'SUBMIT', data: {} }).ok).toBe(false)
    const ready = run(lead, { type: 'CONTRIBUTION_ACCEPTED' }, { type: 'CONTRIBUTION_ACCEPTED' })
    expect(run(ready, { type: 'SUBMIT', data: {} }).value).toBe('submitted')
  })

  it('climbs the escalation ladder but never down, and stops once approved', () => {
    const task = run(
      reviewed(),
      { type: 'REMIND' },
      { type: 'OVERDUE' },
      { type: 'ESCALATE', level: 3 },
    )
    expect(task.context).toMatchObject({ escalation: 3, overdue: true })
    expect(stepTask(taskMachine, task, { type: 'ESCALATE', level: 2 }).ok).toBe(false)
    const approved = run(task, { type: 'SUBMIT', data: {} }, { type: 'APPROVE' })
    expect(stepTask(taskMachine, approved, { type: 'ESCALATE', level: 4 })).toMatchObject({
      ok: false,
      accepted: [],
    })
  })

  it('offers people only user events', () => {
    expect(acceptedEvents(taskMachine, reviewed())).toEqual(['SAVE', 'START', 'SUBMIT'])
  })
})

describe('withdrawing a task', () => {
  const reviewed = () =>
    startTask(taskMachine, { reviewer: 'reform-office', pendingContributions: 0 })

  it('ends any state not final in withdrawn, keeping the reason out of the way of progress', () => {
    for (const start of [
      reviewed(),
      run(reviewed(), { type: 'START' }),
      run(reviewed(), { type: 'SUBMIT', data: {} }),
    ]) {
      const withdrawn = run(start, { type: 'WITHDRAW', reason: '成员调整' })
      expect(withdrawn).toMatchObject({ value: 'withdrawn', status: 'done' })
      expect(stateHasTag(taskMachine, 'withdrawn', 'withdrawn')).toBe(true)
      expect(stateHasTag(taskMachine, 'withdrawn', 'owing')).toBe(false)
      expect(stateHasTag(taskMachine, 'withdrawn', 'finished')).toBe(false)
    }
  })

  it('refuses a withdrawal without a reason, and leaves an approved task approved', () => {
    expect(stepTask(taskMachine, reviewed(), { type: 'WITHDRAW', reason: ' ' }).ok).toBe(false)
    const approved = run(reviewed(), { type: 'SUBMIT', data: {} }, { type: 'APPROVE' })
    expect(stepTask(taskMachine, approved, { type: 'WITHDRAW', reason: '成员调整' }).ok).toBe(false)
  })

  it('is never offered to people', () => {
    expect(acceptedEvents(taskMachine, reviewed())).not.toContain('WITHDRAW')
  })

  it('ends any state not final in closed, which is neither owed, finished nor withdrawn', () => {
    for (const start of [
      reviewed(),
      run(reviewed(), { type: 'START' }),
      run(reviewed(), { type: 'SUBMIT', data: {} }),
      run(reviewed(), { type: 'SUBMIT', data: {} }, { type: 'RETURN', reason: '补充材料' }),
    ]) {
      const closed = run(start, { type: 'CLOSE', reason: '有效期届满' })
      expect(closed).toMatchObject({ value: 'closed', status: 'done' })
    }
    expect(stateHasTag(taskMachine, 'closed', 'closed')).toBe(true)
    expect(stateHasTag(taskMachine, 'closed', 'owing')).toBe(false)
    expect(stateHasTag(taskMachine, 'closed', 'finished')).toBe(false)
    expect(stateHasTag(taskMachine, 'closed', 'withdrawn')).toBe(false)
  })

  it('refuses a close without a reason, and leaves approved and withdrawn tasks as they are', () => {
    expect(stepTask(taskMachine, reviewed(), { type: 'CLOSE', reason: ' ' }).ok).toBe(false)
    const approved = run(reviewed(), { type: 'SUBMIT', data: {} }, { type: 'APPROVE' })
    expect(stepTask(taskMachine, approved, { type: 'CLOSE', reason: '届满' }).ok).toBe(false)
    const withdrawn = run(reviewed(), { type: 'WITHDRAW', reason: '成员调整' })
    expect(stepTask(taskMachine, withdrawn, { type: 'CLOSE', reason: '届满' }).ok).toBe(false)
  })

  it('never offers CLOSE to people', () => {
    expect(acceptedEvents(taskMachine, reviewed())).not.toContain('CLOSE')
  })

  it('closes a procedure at any step', () => {
    const machine = compileProcedureMachine({
      id: 'p',
      name: 'p',
      source: { clause: '一、', quote: 'p' },
      steps: [{ id: 'only', name: 'only', kind: 'submit', actor: ['district'] }],
    })
    const start = startTask(machine, { reviewer: null, pendingContributions: 0 })
    expect(runOn(machine, start, { type: 'CLOSE', reason: '届满' }).value).toBe('closed')
  })

  it('withdraws a procedure at any step', () => {
    const machine = compileProcedureMachine({
      id: 'p',
      name: 'p',
      source: { clause: '一、', quote: 'p' },
      steps: [{ id: 'only', name: 'only', kind: 'submit', actor: ['district'] }],
    })
    const start = startTask(machine, { reviewer: null, pendingContributions: 0 })
    expect(runOn(machine, start, { type: 'WITHDRAW', reason: '成员调整' }).value).toBe('withdrawn')
  })

  it('counts a contribution added after the lead began, and one withdrawn', () => {
    const lead = startTask(taskMachine, { reviewer: 'office', pendingContributions: 0 })
    const waiting = run(lead, { type: 'CONTRIBUTION_ADDED' })
    expect(waiting.context.pendingContributions).toBe(1)
    expect(stepTask(taskMachine, waiting, { type: 'SUBMIT', data: {} }).ok).toBe(false)
    const ready = run(waiting, { type: 'CONTRIBUTION_WITHDRAWN' })
    expect(run(ready, { type: 'SUBMIT', data: {} }).value).toBe('submitted')
  })
})

function runOn(machine: typeof taskMachine, start: PersistedTask, event: TaskEvent): PersistedTask {
  const result = stepTask(machine, start, event)
  if (!result.ok) throw new Error(`${event.type} refused in ${result.state}`)
  return result.next
}

describe('procedure machine', () => {
  const machine = compileProcedureMachine({
    id: 'application',
    name: '申报',
    source: { clause: '五、', quote: '申报程序' },
    steps: [
      { id: 'submit', name: '报送材料', kind: 'submit', actor: ['district'] },
      { id: 'evaluate', name: '综合评估', kind: 'review', actor: ['city'] },
      { id: 'launch', name: '启动实施', kind: 'implement', actor: ['city'] },
    ],
  })

  it('walks its steps in order and ends done', () => {
    let state = startTask(machine, { reviewer: null, pendingContributions: 0 })
    expect(state.value).toBe('step:submit')
    for (const expected of ['step:evaluate', 'step:launch', 'done']) {
      const result = stepTask(machine, state, { type: 'COMPLETE' })
      if (!result.ok) throw new Error('refused')
      state = result.next
      expect(state.value).toBe(expected)
    }
    expect(state.status).toBe('done')
  })

  it('sends a returned application back to the first step', () => {
    const start = startTask(machine, { reviewer: null, pendingContributions: 0 })
    const atReview = stepTask(machine, start, { type: 'COMPLETE' })
    if (!atReview.ok) throw new Error('refused')
    const back = stepTask(machine, atReview.next, { type: 'RETURN', reason: '佐证材料不全' })
    expect(back.ok && back.next.value).toBe('step:submit')
    expect(stepTask(machine, start, { type: 'RETURN', reason: 'x' }).ok).toBe(false)
  })
})

describe('state tags', () => {
  it('derives the owing and finished lists from the machines', () => {
    expect(OWING_STATES).toEqual(['assigned', 'in_progress', 'returned'])
    expect(FINISHED_STATES).toEqual(['approved', 'done'])
    expect(WITHDRAWN_STATES).toEqual(['withdrawn'])
    expect(CLOSED_STATES).toEqual(['closed'])
  })

  it('answers for a stored state of either machine', () => {
    const procedure = compileProcedureMachine({
      id: 'p',
      name: 'p',
      source: { clause: '一、', quote: 'p' },
      steps: [{ id: 'only', name: 'only', kind: 'submit', actor: ['district'] }],
    })
    expect(stateHasTag(taskMachine, 'returned', 'owing')).toBe(true)
    expect(stateHasTag(taskMachine, 'submitted', 'owing')).toBe(false)
    expect(stateHasTag(taskMachine, 'submitted', 'finished')).toBe(false)
    expect(stateHasTag(procedure, 'done', 'finished')).toBe(true)
    expect(stateHasTag(procedure, 'step:only', 'owing')).toBe(false)
    expect(stateHasTag(taskMachine, 'no-such-state', 'finished')).toBe(false)
  })
})
