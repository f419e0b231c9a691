/**
 * @module The one place the kinds of task are registered. A new kind (an extension request, a
 * decomposed duty) is a file in its feature folder and one line here; the plan runtime asks
 * `registry.ts` and needs no change.
 *
 * The order is the order duties are looked up and a plan's tasks are created in: the config's
 * responsibilities, then the duties other kinds add (indicator entry), then procedures.
 */
import { rectificationKind } from '../assessments/rectification-kind.ts'
import { entryKind } from '../indicators/entry-kind.ts'
import { procedureKind } from './procedure-kind.ts'
import { responsibilityKind } from './responsibility-kind.ts'
import { defineTaskKinds } from './task-kind.ts'

export const TASK_KINDS = defineTaskKinds({
  responsibility: responsibilityKind,
  'indicator-entry': entryKind,
  rectification: rectificationKind,
  procedure: procedureKind,
})
