/**
 * Engine throughput: how many task transitions per second the pure XState stepping sustains,
 * against bpmn-engine running the same review loop as a BPMN 2.0 process.
 *
 * luoshi: per instance `startTask`, then START → SUBMIT → RETURN(reason) → RESUBMIT → APPROVE
 * through `stepTask`, with the runtime's JSON round-trip per event (JSON.parse of the stored
 * snapshot before the step, JSON.stringify of the next one after it). Also measured without JSON.
 *
 * bpmn-engine: per instance a new `Engine` over the parsed definitions (the XML is parsed once,
 * as our machine is built once), `execute()` runs start → "fill" (waits), then four user-task
 * signals: fill → review, review (returned) → gateway → fill, fill → review, review (approved) →
 * gateway → end. Five user-visible transitions on both sides; no persistence on either side.
 */
import { EventEmitter } from 'node:events'
import { Engine } from 'bpmn-engine'
import type { TaskEvent } from '../domain/workflow/registry.ts'
import { startTask, stepTask } from '../domain/workflow/run-machine.ts'
import type { PersistedTask } from '../domain/workflow/run-machine.ts'
import { taskMachine } from '../domain/workflow/task-machine.ts'
import { measureAsync } from './measure.ts'

const INSTANCES = 2000
const TRANSITIONS_PER_INSTANCE = 5
const ROUNDS = 5
const TARGET_RATIO = 10

const LIFECYCLE: TaskEvent[] = [
  { type: 'START' },
  { type: 'SUBMIT', data: { progress: '已完成' } },
  { type: 'RETURN', reason: '数据不全，请补充' },
  { type: 'RESUBMIT', data: { progress: '已补充' } },
  { type: 'APPROVE' },
]

/** One instance through the review loop, the snapshot stored as JSON between events. */
function luoshiWithJson(): void {
  let stored = JSON.stringify(
    startTask(taskMachine, { reviewer: 'office', pendingContributions: 0 }),
  )
  for (const event of LIFECYCLE) {
    const result = stepTask(taskMachine, JSON.parse(stored) as PersistedTask, event)
    if (!result.ok) throw new Error(`${event.type} refused in ${result.state}`)
    stored = JSON.stringify(result.next)
  }
  const final = JSON.parse(stored) as PersistedTask
  if (final.value !== 'approved' || final.status !== 'done' || final.context.returns !== 1)
    throw new Error(`unexpected end ${stored}`)
}

/** The same without serialisation, for reference. */
function luoshiInMemory(): void {
  let current = startTask(taskMachine, { reviewer: 'office', pendingContributions: 0 })
  for (const event of LIFECYCLE) {
    const result = stepTask(taskMachine, current, event)
    if (!result.ok) throw new Error(`${event.type} refused in ${result.state}`)
    current = result.next
  }
  if (current.value !== 'approved' || current.status !== 'done')
    throw new Error(`unexpected end ${JSON.stringify(current)}`)
}

/** The review loop in BPMN 2.0: fill → review → gateway (returned? back to fill : end). */
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="reviewDefinitions" targetNamespace="http://luoshi.local/bench">
  <process id="reviewLifecycle" isExecutable="true">
    <startEvent id="start" />
    <userTask id="fill" />
    <userTask id="review" />
    <exclusiveGateway id="decision" default="toEnd" />
    <endEvent id="end" />
    <sequenceFlow id="toFill" sourceRef="start" targetRef="fill" />
    <sequenceFlow id="toReview" sourceRef="fill" targetRef="review" />
    <sequenceFlow id="toDecision" sourceRef="review" targetRef="decision" />
    <sequenceFlow id="back" sourceRef="decision" targetRef="fill">
      <conditionExpression xsi:type="tFormalExpression">\${environment.variables.returned}</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="toEnd" sourceRef="decision" targetRef="end" />
  </process>
</definitions>`

/** The user signals after `execute()`: which task waits, and the review's decision. */
const SIGNALS = [
  { task: 'fill', returned: false },
  { task: 'review', returned: true },
  { task: 'fill', returned: false },
  { task: 'review', returned: false },
] as const

interface WaitingTask {
  id: string
  environment: { variables: Record<string, unknown> }
  signal(message?: unknown): void
}

/** The BPMN source parsed and serialised once (bpmn-moddle), shared by every instance. */
async function parsedSource(): Promise<unknown> {
  const engine = new Engine({ name: 'parse', source: BPMN })
  const [definition] = await engine.getDefinitions()
  const context = (definition?.environment.options as { source?: unknown } | undefined)?.source
  if (!context) throw new Error('bpmn-engine did not expose the serialised source context')
  return context
}

/** One process instance through the review loop; the user tasks are signalled as they wait. */
async function bpmnInstance(sourceContext: unknown): Promise<void> {
  const engine = new Engine({ name: 'review', sourceContext: sourceContext as never })
  const listener = new EventEmitter()
  let waiting: WaitingTask | null = null
  listener.on('wait', (api: WaitingTask) => {
    waiting = api
  })
  let ended = false
  engine.once('end', () => {
    ended = true
  })
  const next = async (): Promise<WaitingTask> => {
    // bpmn-engine runs a signal's consequences synchronously; wait for the event if it did not.
    const task =
      waiting ?? (await new Promise<WaitingTask>((resolve) => listener.once('wait', resolve)))
    waiting = null
    return task
  }
  await engine.execute({ listener, variables: { returned: false } })
  for (const { task, returned } of SIGNALS) {
    const api = await next()
    if (api.id !== task) throw new Error(`expected ${task} to wait, got ${api.id}`)
    if (task === 'review') api.environment.variables.returned = returned
    api.signal({ returned })
  }
  if (!ended) await engine.waitFor('end')
}

function rate(ms: number): number {
  return (INSTANCES * TRANSITIONS_PER_INSTANCE) / (ms / 1000)
}

function row(name: string, ms: number): string {
  return `${name.padEnd(48)} ${Math.round(rate(ms)).toLocaleString('en-US').padStart(10)} transitions/s   median ${ms.toFixed(1).padStart(8)} ms per ${INSTANCES.toLocaleString('en-US')} instances`
}

export async function benchEngine(): Promise<string[]> {
  const lines = [
    '',
    `Engine transitions/s (${INSTANCES.toLocaleString('en-US')} instances × ${TRANSITIONS_PER_INSTANCE} transitions, median of ${ROUNDS} rounds)`,
  ]
  const loop = (instance: () => void) => () => {
    for (let i = 0; i < INSTANCES; i++) instance()
  }
  const withJson = await measureAsync(loop(luoshiWithJson), { runs: ROUNDS, warmup: 2 })
  const inMemory = await measureAsync(loop(luoshiInMemory), { runs: ROUNDS, warmup: 2 })
  const sourceContext = await parsedSource()
  const bpmn = await measureAsync(
    async () => {
      for (let i = 0; i < INSTANCES; i++) await bpmnInstance(sourceContext)
    },
    { runs: ROUNDS, warmup: 1 },
  )
  lines.push(row('luoshi stepTask + JSON round-trip per event', withJson.median))
  lines.push(row('luoshi stepTask, no JSON (reference)', inMemory.median))
  lines.push(row('bpmn-engine execute + user-task signals', bpmn.median))
  const ratio = bpmn.median / withJson.median
  const verdict = ratio >= TARGET_RATIO ? `✓ ≥ ${TARGET_RATIO}×` : `✗ target ${TARGET_RATIO}×`
  lines.push(
    `${'ratio luoshi (with JSON) / bpmn-engine'.padEnd(48)} ${ratio.toFixed(1).padStart(9)}×   ${verdict}   (without JSON ${(bpmn.median / inMemory.median).toFixed(1)}×)`,
  )
  return lines
}
