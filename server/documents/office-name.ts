/** @module The body a plan's documents are issued by: its office, else the policy's first issuer. */
import type { PlanContext } from '../plan-model/plan-context.ts'

/** The issuing office's name. */
export function issuingOffice(context: PlanContext): string {
  const { model } = context
  const office = model.office ? model.actors(context.members).get(model.office)?.name : undefined
  return office ?? model.config.metadata.issuingBodies?.[0] ?? '领导小组办公室'
}
