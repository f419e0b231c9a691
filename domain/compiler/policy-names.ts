/** @module Display names of a config's units, groups and bodies, by id. */
import type { PolicyConfig } from '../../schemas/index.ts'

/** A lookup from id to name (units, groups and bodies); unknown ids come back as themselves. */
export function nameIndex(policy: PolicyConfig): (id: string) => string {
  const names = new Map<string, string>()
  for (const unit of policy.organizations.units) names.set(unit.id, unit.name)
  for (const group of policy.organizations.groups ?? []) names.set(group.id, group.name)
  for (const body of policy.governance?.bodies ?? []) names.set(body.id, body.name)
  return (id) => names.get(id) ?? id
}
