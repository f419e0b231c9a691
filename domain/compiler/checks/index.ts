/** @module The semantic checks, run in this order after the schema. */
import type { PolicyCheck } from './check-context.ts'
import { checkBulletin } from './bulletin.ts'
import { checkCharacters } from './characters.ts'
import { checkDeadlines } from './deadlines.ts'
import { checkDutyStarts } from './duty-starts.ts'
import { checkEntryDeadlines } from './entry-deadlines.ts'
import { checkFormulas } from './formulas.ts'
import { checkForms, checkParameters, checkTargets } from './forms-and-tables.ts'
import { checkGrades } from './grades.ts'
import { checkGroupNesting } from './group-nesting.ts'
import { checkPolicyTests } from './policy-tests.ts'
import { checkReferences } from './references.ts'
import { checkShares } from './shares.ts'
import { checkStructure } from './structure.ts'
import { checkTargetForms } from './target-forms.ts'
import { checkSources } from './sources.ts'
import { checkTargetYears } from './target-years.ts'
import { checkValidationRules } from './validation-rules.ts'
import { checkWeights } from './weights.ts'

export const POLICY_CHECKS: ReadonlyArray<[string, PolicyCheck]> = [
  ['characters', checkCharacters],
  ['references', checkReferences],
  ['weights', checkWeights],
  ['grades', checkGrades],
  ['targets', checkTargets],
  ['target-years', checkTargetYears],
  ['target-forms', checkTargetForms],
  ['shares', checkShares],
  ['group-nesting', checkGroupNesting],
  ['deadlines', checkDeadlines],
  ['entry-deadlines', checkEntryDeadlines],
  ['duty-starts', checkDutyStarts],
  ['formulas', checkFormulas],
  ['validation-rules', checkValidationRules],
  ['forms', checkForms],
  ['parameters', checkParameters],
  ['sources', checkSources],
  ['policy-tests', checkPolicyTests],
  ['bulletin', checkBulletin],
  ['structure', checkStructure],
]

export { collectDeclarations } from './declarations.ts'
export type { CheckContext, PolicyCheck } from './check-context.ts'
