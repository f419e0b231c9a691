import { PHASE_STATUSES, phaseMachine } from './phase-machine.ts'
import { phaseAccepts, startPhase, stepPhase } from './run-machine.ts'

const holds = { holds: true }
const open = { holds: false }

describe('phase machine', () => {
  it('has the statuses plan_phase stores, in the order a phase passes them', () => {
    expect(Object.keys(phaseMachine.root.states)).toEqual([...PHASE_STATUSES])
  })

  it('starts pending, or open when its window has already begun', () => {
    expect(startPhase(false)).toBe('pending')
    expect(startPhase(true)).toBe('open')
  })

  it('goes pending → open on its first day, and open → closed once the gate holds', () => {
    expect(stepPhase('pending', { type: 'OPEN' })).toBe('open')
    expect(stepPhase('open', { type: 'CLOSE', gate: holds })).toBe('closed')
  })

  it('stays open while the gate does not hold, and a sign-off alone does not close it', () => {
    expect(stepPhase('open', { type: 'CLOSE', gate: open })).toBeNull()
    expect(stepPhase('open', { type: 'SIGN_OFF' })).toBe('open')
  })

  it('closes only an open phase and opens only a pending one; a closed phase takes nothing', () => {
    expect(stepPhase('pending', { type: 'CLOSE', gate: holds })).toBeNull()
    expect(stepPhase('open', { type: 'OPEN' })).toBeNull()
    for (const event of [
      { type: 'OPEN' },
      { type: 'SIGN_OFF' },
      { type: 'CLOSE', gate: holds },
    ] as const) {
      expect(stepPhase('closed', event)).toBeNull()
    }
  })

  it('takes a sign-off and a gate check only while open, whatever the gate', () => {
    expect(PHASE_STATUSES.filter((status) => phaseAccepts(status, 'SIGN_OFF'))).toEqual(['open'])
    expect(PHASE_STATUSES.filter((status) => phaseAccepts(status, 'CLOSE'))).toEqual(['open'])
    expect(PHASE_STATUSES.filter((status) => phaseAccepts(status, 'OPEN'))).toEqual(['pending'])
  })
})
