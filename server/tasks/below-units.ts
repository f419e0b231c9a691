/**
 * @module Units a unit names below itself when it splits a task (层层分解) and the config does not
 * list them: they join the plan as its members do at start, in the plan's `extra_units`, under the
 * key `below:<unit>` — so their names show everywhere a member's does, and accounts may be given
 * them (users/check-units.ts reads every list of members).
 */
import type { ExtraUnits } from '../plan-model/plan-model.ts'

const PREFIX = 'below:'

/** The key of `extra_units` holding the units named below `unit`. */
export const belowKey = (unit: string): string => `${PREFIX}${unit}`

/** True for a key of `extra_units` that holds units named below a unit, not a group's members. */
export const isBelowKey = (key: string): boolean => key.startsWith(PREFIX)

/** The units named below `unit` in a plan's members. */
export function namedBelow(members: ExtraUnits, unit: string): Array<{ id: string; name: string }> {
  return members[belowKey(unit)] ?? []
}
