/**
 * @module Response types of the assessment routes, derived from the server's routes
 * (`hc<AppType>`) like web/api-types.ts, never written again by hand.
 */
import type { hc, InferResponseType } from 'hono/client'
import type { AppType } from '../../../server/app.ts'

type Client = ReturnType<typeof hc<AppType>>
type Assessments = Client['api']['plans'][':id']['assessments']

export type AssessmentList = InferResponseType<Assessments['$get'], 200>
export type AssessmentSummary = AssessmentList['assessments'][number]
export type RunSummary = AssessmentSummary['runs'][number]
export type Grade = AssessmentSummary['grades'][number]
export type Effect = Grade['effects'][number]
export type ComputeResult = InferResponseType<Assessments[':assessmentId']['runs']['$post'], 201>
export type RunView = InferResponseType<Assessments[':assessmentId']['runs'][':year']['$get'], 200>
export type RunResult = RunView['results'][number]
export type UnitReport = InferResponseType<
  Assessments[':assessmentId']['runs'][':year']['units'][':unitId']['$get'],
  200
>
export type ItemScore = UnitReport['score']['items'][number]
export type MeasureScore = NonNullable<ItemScore['measures']>[number]
export type TrendPoint = UnitReport['trend'][number]
export type InputCatalogue = InferResponseType<
  Client['api']['plans'][':id']['indicator-values']['inputs']['$get'],
  200
>
