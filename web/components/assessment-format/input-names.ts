/** @module The names of a plan's data inputs (县域内就诊人次 for `county_visits`), to list missing data by name. */
import { api } from '../../api.ts'
import type { InputCatalogue } from './assessment-types.ts'

/** The plan's input names by id; an empty map when the catalogue cannot be read (ids are shown then). */
export async function loadInputNames(planId: string): Promise<ReadonlyMap<string, string>> {
  try {
    const catalogue = await api.get<InputCatalogue>(`/api/plans/${encodeURIComponent(planId)}/indicator-values/inputs`)
    return new Map(catalogue.inputs.map((input) => [input.id, input.name]))
  } catch {
    return new Map()
  }
}
