/**
 * @module The policy config schema: the one source of truth for what a config may say.
 * Types are derived from it with json-schema-to-ts; the server and the browser validate with
 * the same Ajv compilation of it.
 */
import type { FromSchema } from 'json-schema-to-ts'
import { assessmentSchema, formSchema } from './assessments.schema.ts'
import { calendarSchema } from './calendar.schema.ts'
import { escalationSchema } from './escalation.schema.ts'
import { governanceSchema } from './governance.schema.ts'
import {
  dataElementSchema,
  indicatorEntrySchema,
  indicatorSchema,
  parameterSchema,
  validationRuleSchema,
} from './indicators.schema.ts'
import { metadataSchema } from './metadata.schema.ts'
import { organizationsSchema } from './organizations.schema.ts'
import { procedureSchema, responsibilitySchema } from './responsibilities.schema.ts'
import { structureSchema } from './structure.schema.ts'
import { supervisionSchema } from './supervision.schema.ts'
import { timelineSchema } from './timeline.schema.ts'

export const POLICY_SCHEMA_ID = 'https://luoshi.dev/schemas/policy.schema.json'

export const policySchema = {
  $id: POLICY_SCHEMA_ID,
  title: 'luoshi 政策配置 / luoshi policy config',
  type: 'object',
  required: ['metadata', 'organizations', 'responsibilities', 'timeline'],
  additionalProperties: false,
  properties: {
    metadata: metadataSchema,
    organizations: organizationsSchema,
    governance: governanceSchema,
    responsibilities: { type: 'array', items: responsibilitySchema },
    procedures: { type: 'array', items: procedureSchema },
    timeline: timelineSchema,
    dataElements: { type: 'array', items: dataElementSchema },
    indicators: { type: 'array', items: indicatorSchema },
    indicatorEntry: indicatorEntrySchema,
    validationRules: { type: 'array', items: validationRuleSchema },
    parameters: { type: 'array', items: parameterSchema },
    assessments: { type: 'array', items: assessmentSchema },
    forms: { type: 'array', items: formSchema },
    calendar: calendarSchema,
    escalation: escalationSchema,
    supervision: supervisionSchema,
    structure: structureSchema,
  },
} as const

/** A policy config as written by an author, after validation. */
export type PolicyConfig = FromSchema<typeof policySchema>
export type Responsibility = PolicyConfig['responsibilities'][number]
export type Phase = PolicyConfig['timeline']['phases'][number]
export type Indicator = NonNullable<PolicyConfig['indicators']>[number]
export type ValidationRule = NonNullable<PolicyConfig['validationRules']>[number]
export type Assessment = NonNullable<PolicyConfig['assessments']>[number]
export type AssessmentItem = Assessment['items'][number]
export type Source = NonNullable<Responsibility['source']>
export type Due = Responsibility['due']
export type Escalation = NonNullable<PolicyConfig['escalation']>
export type Supervision = NonNullable<PolicyConfig['supervision']>
export { DEFAULT_ESCALATION, ESCALATION_LEVELS } from './escalation.schema.ts'
