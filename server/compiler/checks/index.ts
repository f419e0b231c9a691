/** @module The semantic checks, run in this order after the schema. */
import type { PolicyCheck } from './check-context.js'
import { checkDeadlines } from './deadlines.js'
import { checkFormulas } from './formulas.js'
import { checkForms, checkParameters, checkTargets } from './forms-and-tables.js'
import { checkGrades } from './grades.js'
import { checkPolicyTests } from './policy-tests.js'
import { checkReferences } from './references.js'
import { checkSources } from './sources.js'
import { checkValidationRules } from './validation-rules.js'
import { checkWeights } from './weights.js'

export const POLICY_CHECKS: ReadonlyArray<[string, PolicyCheck]> = [
  ['references', checkReferences],
  ['weights', checkWeights],
  ['grades', checkGrades],
  ['targets', checkTargets],
  ['deadlines', checkDeadlines],
  ['formulas', checkFormulas],
  ['validation-rules', checkValidationRules],
  ['forms', checkForms],
  ['parameters', checkParameters],
  ['sources', checkSources],
  ['policy-tests', checkPolicyTests],
]

export { collectDeclarations } from './declarations.js'
export type { CheckContext, PolicyCheck } from './check-context.js'
