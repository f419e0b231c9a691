/**
 * @module The units an account can be given, per published policy: the units and governance
 * bodies of each policy's latest published version — what the server's unit check accepts
 * besides the member units a plan adds when it starts (those are typed as `policyId/unitId`).
 */
import type { UserView } from '../../../schemas/api/responses.schema.ts'
import { call, client, pathParams } from '../../api.ts'

/** One unit or body of a policy, as a checkbox offers it. */
export interface UnitChoice {
  policyId: string
  unitId: string
  name: string
}

/** A published policy and the units of its latest version. */
export interface PolicyUnits {
  policyId: string
  title: string
  /** The region the policy is published into, by name (its `metadata.region`). */
  region: string
  units: UnitChoice[]
}

type Unit = UserView['units'][number]

/** `policyId/unitId`: one text for a unit, as forms and filters carry it. */
export const unitKey = (unit: Unit): string => `${unit.policyId}/${unit.unitId}`

/** The units of every published policy's latest version, by policy id. */
export async function loadUnitCatalogue(): Promise<PolicyUnits[]> {
  const { policies } = await call(client.policies.$get())
  return Promise.all(
    policies.map(async (policy) => {
      const version = await call(
        client.policies[':policyId'].versions[':version'].$get({
          param: pathParams({ policyId: policy.policyId, version: policy.version }),
        }),
      )
      const { organizations, governance } = version.config
      const units = [...organizations.units, ...(governance?.bodies ?? [])].map((unit) => ({
        policyId: policy.policyId,
        unitId: unit.id,
        name: unit.name,
      }))
      return { policyId: policy.policyId, title: policy.title, region: policy.region, units }
    }),
  )
}

/** A unit's name where the catalogue has it (`县政府办`), else its `policyId/unitId`. */
export function unitName(catalogue: readonly PolicyUnits[], unit: Unit): string {
  const policy = catalogue.find((each) => each.policyId === unit.policyId)
  return policy?.units.find((each) => each.unitId === unit.unitId)?.name ?? unitKey(unit)
}

/** Whether the catalogue lists a unit (it then has a checkbox; others go in the text field). */
export const listed = (catalogue: readonly PolicyUnits[], unit: Unit): boolean =>
  catalogue.some(
    (policy) =>
      policy.policyId === unit.policyId && policy.units.some((each) => each.unitId === unit.unitId),
  )
