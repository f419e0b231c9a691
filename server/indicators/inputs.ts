/**
 * @module What units enter for a policy: every data element, and every indicator without a
 * formula (its value is entered as is). Each input knows its value type, its unit of measure,
 * the indicators that read it, their reporting frequency and who owns them — the one catalogue
 * behind entry forms, imports and the value API. Browser-safe.
 */
import type { Indicator, PolicyConfig } from '../../schemas/index.ts'
import type { FREQUENCIES } from '../../schemas/policy/indicators.schema.ts'
import { parseFormula } from '../../domain/formula/parse-formula.ts'

export type ValueType = Indicator['valueType']
export type Frequency = (typeof FREQUENCIES)[number]

/** An indicator's reporting frequency, or null when the document sets none (`{unspecified}`). */
export function frequencyOf(indicator: Pick<Indicator, 'frequency'>): Frequency | null {
  return typeof indicator.frequency === 'string' ? indicator.frequency : null
}

/** The pseudo-unit of values that belong to the whole region (indicators without a named owner). */
export const REGION_UNIT = 'region'

export interface EntryInput {
  /** Data element id (snake_case), or indicator id for an indicator entered directly. */
  id: string
  name: string
  valueType: ValueType
  unit: string | null
  kind: 'data-element' | 'indicator'
  /** Indicators computed from (or equal to) this input. */
  indicators: string[]
  /** The most frequent reporting frequency among those indicators. */
  frequency: Frequency
  /** Owner ids as the config writes them (units, groups, bodies); empty when unspecified. */
  owners: string[]
}

const FREQUENCY_ORDER: Frequency[] = ['monthly', 'quarterly', 'yearly', 'once']

/** Every input of a policy, by id, in config order. */
export function entryInputs(config: PolicyConfig): Map<string, EntryInput> {
  const inputs = new Map<string, EntryInput>()
  for (const element of config.dataElements ?? []) {
    inputs.set(element.id, {
      id: element.id,
      name: element.name,
      valueType: element.valueType,
      unit: element.unit ?? null,
      kind: 'data-element',
      indicators: [],
      frequency: 'once',
      owners: [],
    })
  }
  for (const indicator of config.indicators ?? []) {
    const owners = Array.isArray(indicator.owner) ? indicator.owner : []
    const read = indicator.formula ? parsedElements(indicator.formula) : []
    if (!indicator.formula) {
      inputs.set(indicator.id, {
        id: indicator.id,
        name: indicator.name,
        valueType: indicator.valueType,
        unit: indicator.unit ?? null,
        kind: 'indicator',
        indicators: [indicator.id],
        // No frequency in the document: a value is entered per year, and no entry task is made.
        frequency: frequencyOf(indicator) ?? 'once',
        owners: [...owners],
      })
      continue
    }
    for (const id of read) {
      const input = inputs.get(id)
      if (!input) continue
      input.indicators.push(indicator.id)
      const frequency = frequencyOf(indicator) ?? 'once'
      if (FREQUENCY_ORDER.indexOf(frequency) < FREQUENCY_ORDER.indexOf(input.frequency))
        input.frequency = frequency
      for (const owner of owners) if (!input.owners.includes(owner)) input.owners.push(owner)
    }
  }
  // Inputs that only decide a bonus or a veto (已开展DRG改革, 违规费用…) are reported by the
  // units assessed, once a year.
  for (const assessment of config.assessments ?? []) {
    for (const item of assessment.items) {
      if (item.kind !== 'bonus' && item.kind !== 'veto') continue
      for (const id of parsedElements(item.when)) {
        const input = inputs.get(id)
        if (!input) continue
        if (input.frequency === 'once') input.frequency = 'yearly'
        for (const owner of assessment.subjects)
          if (!input.owners.includes(owner)) input.owners.push(owner)
      }
    }
  }
  return inputs
}

/** The data element ids a formula or condition reads (none when it does not parse). */
export function parsedElements(formula: string): string[] {
  const parsed = parseFormula(formula)
  return parsed.ok ? parsed.elements : []
}

/** Looks an input up by id or by its Chinese name (import headers use either). */
export function findInput(inputs: Map<string, EntryInput>, key: string): EntryInput | undefined {
  const trimmed = key.trim()
  const byId = inputs.get(trimmed)
  if (byId) return byId
  for (const input of inputs.values()) if (input.name === trimmed) return input
  return undefined
}
