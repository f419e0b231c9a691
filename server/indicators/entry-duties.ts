/**
 * @module Indicator entry as recurring duties. Every indicator's owners report its inputs each
 * period of its frequency, so the config's indicators become synthetic responsibilities — one
 * per frequency, owner list and deadline — that run like any other duty: tasks per unit per
 * period, deadlines, escalation and review. A period's figures exist once it has ended, so each
 * period's task opens the day after it ends and is due as the indicator's `entryDue` says, else
 * as the config's `indicatorEntry.due` says, else {@link DEFAULT_ENTRY_DUE}. Indicators whose
 * owner the document leaves open are entered by the reform office for the whole region.
 */
import type { PolicyConfig, Responsibility } from '../../schemas/index.ts'
import type { PeriodReport, PlanModel } from '../plan-model/plan-model.ts'
import { entryInputs, frequencyOf, parsedElements, REGION_UNIT } from './inputs.ts'
import type { EntryInput, Frequency } from './inputs.ts'

export const ENTRY_DUTY_PREFIX = 'indicator-entry'

/**
 * When a period's figures are due unless the config says otherwise: a month's by the 10th of the
 * next month, a quarter's within the next quarter's first month, a year's within the next January.
 */
export const DEFAULT_ENTRY_DUE = {
  monthly: '次月上旬',
  quarterly: '次季度首月',
  yearly: '次年1月',
} as const
const ONCE_DUE: Responsibility['due'] = { unspecified: '一次性指标，文件未规定填报时限' }

function defaultDue(config: PolicyConfig, frequency: Frequency): Responsibility['due'] {
  if (frequency === 'once') return ONCE_DUE
  return config.indicatorEntry?.due?.[frequency] ?? DEFAULT_ENTRY_DUE[frequency]
}
const FREQUENCY_NAMES: Record<Frequency, string> = {
  monthly: '月度',
  quarterly: '季度',
  yearly: '年度',
  once: '一次性',
}

export interface EntryDuty {
  duty: Responsibility
  /** The inputs its report form asks for, in config order. */
  inputs: EntryInput[]
  /** Whose values the report holds: the assignee's own, or the whole region's. */
  valuesFor: 'assignee' | typeof REGION_UNIT
}

/** The entry duties of a config; `office` enters the indicators without a named owner. */
export function entryDuties(config: PolicyConfig, office: string | null): EntryDuty[] {
  const inputs = entryInputs(config)
  type Group = {
    frequency: Frequency
    owners: string[]
    regionWide: boolean
    names: string[]
    read: Set<string>
    source: Responsibility['source'] | undefined
    due: Responsibility['due']
  }
  const groups = new Map<string, Group>()
  const groupFor = (
    frequency: Frequency,
    owners: string[],
    regionWide: boolean,
    source: Group['source'],
    entryDue?: Responsibility['due'],
  ) => {
    const due = entryDue ?? defaultDue(config, frequency)
    // Keyed by what the indicator says, not the date it resolves to: an indicator's own
    // `entryDue` keeps its duty when it equals the default (a duty id keeps a plan's tasks).
    const key = `${frequency}|${owners.join(',')}|${entryDue === undefined ? 'default' : JSON.stringify(entryDue)}`
    let group = groups.get(key)
    if (!group)
      groups.set(
        key,
        (group = { frequency, owners, regionWide, names: [], read: new Set(), source, due }),
      )
    return group
  }
  for (const indicator of config.indicators ?? []) {
    // A document that sets no frequency gives no one a periodic entry task.
    const frequency = frequencyOf(indicator)
    if (frequency === null) continue
    const named = Array.isArray(indicator.owner)
    const owners = named ? [...(indicator.owner as string[])] : office ? [office] : []
    if (owners.length === 0) continue
    const group = groupFor(frequency, owners, !named, indicator.source, indicator.entryDue)
    group.names.push(indicator.name)
    const read = indicator.formula
      ? parsedElements(indicator.formula).filter((id) => inputs.has(id))
      : [indicator.id]
    read.forEach((id) => group.read.add(id))
  }
  // What only a bonus or veto reads is reported by the assessed units with their yearly data.
  for (const assessment of config.assessments ?? []) {
    const read = assessment.items
      .flatMap((item) =>
        item.kind === 'bonus' || item.kind === 'veto' ? parsedElements(item.when) : [],
      )
      .filter((id) => inputs.has(id))
    if (read.length === 0) continue
    const owners = [...assessment.subjects]
    // Joins the subjects' yearly report whatever its deadline, so a unit reports its year once.
    const group =
      [...groups.values()].find(
        (g) => g.frequency === 'yearly' && !g.regionWide && g.owners.join(',') === owners.join(','),
      ) ?? groupFor('yearly', owners, false, assessment.source)
    group.names.push(`${assessment.name}加分项和否决项`)
    read.forEach((id) => group.read.add(id))
  }
  const counts = new Map<Frequency, number>()
  return [...groups.values()].map((group) => {
    const n = (counts.get(group.frequency) ?? 0) + 1
    counts.set(group.frequency, n)
    const duty = {
      id: `${ENTRY_DUTY_PREFIX}-${group.frequency}${n > 1 ? `-${n}` : ''}`,
      title: `指标数据填报（${FREQUENCY_NAMES[group.frequency]}）${group.regionWide ? '：全区域' : ''}`,
      description: `按期填报以下指标所需数据：${group.names.join('、')}。`,
      category: '指标数据',
      lead: group.owners,
      due: group.due,
      reportsOnPeriods: true,
      ...(group.source ? { source: group.source } : {}),
      ...(group.regionWide
        ? { note: '文件未明确这些指标的填报单位，由改革办公室代全区域填报。' }
        : {}),
    } satisfies PeriodReport & Record<string, unknown> as unknown as Responsibility
    return {
      duty,
      inputs: [...inputs.values()].filter((input) => group.read.has(input.id)),
      valuesFor: group.regionWide ? REGION_UNIT : 'assignee',
    }
  })
}

const byModel = new WeakMap<PlanModel, ReadonlyMap<string, EntryDuty>>()

/** The entry duties of a version, by duty id (built once per version: its model is immutable). */
export function entryDutiesOf(model: PlanModel): ReadonlyMap<string, EntryDuty> {
  let entries = byModel.get(model)
  if (!entries) {
    entries = new Map(
      entryDuties(model.config, model.office).map((entry) => [entry.duty.id, entry]),
    )
    byModel.set(model, entries)
  }
  return entries
}

/** The report form of an entry duty: one field per input, ranged by its value type. */
export function entryForm(entry: EntryDuty): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (const input of entry.inputs) {
    // The form shows a description's `单位：…` after the number box; staff never see the id.
    // Bilingual (`中文 / English`), as the form shows one half by the language chosen.
    const description =
      input.unit && input.valueType !== 'percentage'
        ? `单位：${input.unit}。 / Unit: ${input.unit}.`
        : ''
    properties[input.id] =
      input.valueType === 'boolean'
        ? { type: 'boolean', title: input.name, ...(description ? { description } : {}) }
        : {
            ...numberSchema(input.valueType),
            title: input.name,
            ...(description ? { description } : {}),
          }
  }
  return {
    type: 'object',
    title: entry.duty.title,
    required: entry.inputs.map((input) => input.id),
    additionalProperties: false,
    properties: {
      ...properties,
      note: { type: 'string', title: '说明 / Notes', maxLength: 2000 },
    },
  }
}

function numberSchema(valueType: EntryInput['valueType']): Record<string, unknown> {
  switch (valueType) {
    case 'percentage':
      return { type: 'number', minimum: 0, maximum: 100 }
    case 'permille':
      return { type: 'number', minimum: 0, maximum: 1000 }
    case 'count':
      return { type: 'integer', minimum: 0 }
    case 'number':
      return { type: 'number' }
    default:
      return { type: 'number', minimum: 0 }
  }
}
