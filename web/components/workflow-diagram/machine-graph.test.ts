import type { AnyStateMachine } from 'xstate'
import { compileProcedureMachine } from '../../../domain/workflow/procedure-machine.ts'
import { phaseMachine } from '../../../domain/workflow/phase-machine.ts'
import { taskMachine } from '../../../domain/workflow/task-machine.ts'
import { layoutGraph, machineGraph, wrapLabel } from './machine-graph.ts'

describe('machineGraph', () => {
  it('reads the task lifecycle: states in order, guarded transitions, timer events', () => {
    const graph = machineGraph(taskMachine)
    expect(graph.states.map((s) => s.key)).toEqual([
      'assigned',
      'in_progress',
      'submitted',
      'returned',
      'approved',
      'withdrawn',
      'closed',
    ])
    expect(graph.states.find((s) => s.initial)?.key).toBe('assigned')
    expect(graph.states.find((s) => s.final)?.key).toBe('approved')
    expect(graph.transitions).toContainEqual({
      from: 'assigned',
      to: 'submitted',
      event: 'SUBMIT',
      guard: 'contributionsComplete && reviewed',
    })
    expect(graph.transitions).toContainEqual({
      from: 'submitted',
      to: 'returned',
      event: 'RETURN',
      guard: 'hasReason',
    })
    expect(graph.transitions).toContainEqual({
      from: 'in_progress',
      to: 'in_progress',
      event: 'SAVE',
    })
    expect(graph.rootEvents).toContain('OVERDUE')
    expect(graph.rootEvents).toContain('WITHDRAW')
    expect(graph.rootEvents).toContain('CLOSE')
  })

  it('reads a compiled procedure, returns going back to the first step', () => {
    const machine = compileProcedureMachine({
      id: 'apply',
      name: '申报',
      steps: [
        { id: 'submit', name: '报送', kind: 'submit', actor: ['a'] },
        { id: 'review', name: '评估', kind: 'review', actor: ['b'] },
      ],
      source: { clause: '一、', quote: '报送材料' },
    } as never) as unknown as AnyStateMachine
    const graph = machineGraph(machine)
    expect(graph.states.map((s) => s.key)).toEqual([
      'step:submit',
      'step:review',
      'done',
      'withdrawn',
      'closed',
    ])
    expect(graph.transitions).toContainEqual({
      from: 'step:review',
      to: 'step:submit',
      event: 'RETURN',
      guard: 'hasReason',
    })
  })
})

describe('machineGraph of the phase machine', () => {
  it('reads pending → open → closed, the gate guarding the close and a sign-off staying open', () => {
    const graph = machineGraph(phaseMachine)
    expect(graph.states).toEqual([
      { key: 'pending', initial: true, final: false },
      { key: 'open', initial: false, final: false },
      { key: 'closed', initial: false, final: true },
    ])
    expect(graph.transitions).toEqual([
      { from: 'pending', to: 'open', event: 'OPEN' },
      { from: 'open', to: 'open', event: 'SIGN_OFF' },
      { from: 'open', to: 'closed', event: 'CLOSE', guard: 'gateHolds' },
    ])
  })
})

describe('layoutGraph', () => {
  it('routes neighbours straight, long forward arcs above and returns below', () => {
    const layout = layoutGraph(machineGraph(taskMachine))
    const edge = (from: string, to: string) =>
      layout.edges.find((e) => e.from === from && e.to === to)!
    const top = layout.nodes[0]!.y
    expect(edge('assigned', 'in_progress').events).toEqual(['START', 'SAVE'])
    expect(edge('assigned', 'in_progress').path).toMatch(/^M[\d.]+,[\d.]+ L/)
    expect(edge('assigned', 'approved').labelY).toBeLessThan(top)
    expect(edge('returned', 'submitted').labelY).toBeGreaterThan(top)
    expect(layout.width).toBeGreaterThan(0)
    expect(layout.height).toBeGreaterThan(top)
  })
})

describe('wrapLabel', () => {
  it('breaks CJK text into lines and marks a cut', () => {
    expect(wrapLabel('组织汇总相关材料报送市医疗保障局', 8, 2)).toEqual([
      '组织汇总相关材料',
      '报送市医疗保障局',
    ])
    expect(wrapLabel('一二三四五六七八九十', 4, 2)).toEqual(['一二三四', '五六七…'])
    expect(wrapLabel('In progress', 6, 2)).toEqual(['In progress'])
    expect(wrapLabel('Collect and submit the materials', 5, 2)).toEqual(['Collect', 'and submit…'])
  })
})
