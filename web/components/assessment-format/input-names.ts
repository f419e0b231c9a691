/** @module The names of a plan's data inputs (县域内就诊人次 for `county_visits`), to list missing data by name. */
import { call, client, pathParams } from '../../api.ts'

/** The plan's input names by id; an empty map when the catalogue cannot be read (ids are shown then). */
export async function loadInputNames(planId: string): Promise<ReadonlyMap<string, string>> {
  try {
    const catalogue = await call(
      client.plans[':id']['indicator-values'].inputs.$get({ param: pathParams({ id: planId }) }),
    )
    return new Map(catalogue.inputs.map((input) => [input.id, input.name]))
  } catch {
    return new Map()
  }
}
