/**
 * @module Response types of the API, derived from the server's routes (`hc<AppType>`), never
 * written again by hand.
 */
import type { hc, InferResponseType } from 'hono/client'
import type { AppType } from '../server/app.ts'

type Client = ReturnType<typeof hc<AppType>>

export type Me = InferResponseType<Client['api']['auth']['me']['$get'], 200>
export type SessionState = InferResponseType<Client['api']['auth']['session']['$get'], 200>
export type LoginResponse = InferResponseType<Client['api']['auth']['login']['$post'], 200>
export type TaskList = InferResponseType<Client['api']['tasks']['$get'], 200>
export type TaskSummary = TaskList['tasks'][number]
export type TaskDetail = InferResponseType<Client['api']['tasks'][':id']['$get'], 200>
export type PlanList = InferResponseType<Client['api']['plans']['$get'], 200>
export type PlanProgress = InferResponseType<Client['api']['plans'][':id']['progress']['$get'], 200>
export type PolicyList = InferResponseType<Client['api']['policies']['$get'], 200>
export type PolicyVersions = InferResponseType<
  Client['api']['policies'][':policyId']['versions']['$get'],
  200
>
export type ValidateResult = InferResponseType<Client['api']['policies']['validate']['$post'], 200>
export type PlanDetail = InferResponseType<Client['api']['plans'][':id']['$get'], 200>
export type PlanEscalations = InferResponseType<
  Client['api']['plans'][':id']['escalations']['$get'],
  200
>
export type AttachmentUpload = InferResponseType<Client['api']['attachments']['$post'], 201>
export type PolicyVersion = InferResponseType<
  Client['api']['policies'][':policyId']['versions'][':version']['$get'],
  200
>
export type PolicyDiff = InferResponseType<
  Client['api']['policies'][':policyId']['diff']['$get'],
  200
>
export type PublishResult = InferResponseType<Client['api']['policies']['$post'], 200 | 201>
export type StartPlanResult = InferResponseType<Client['api']['plans']['$post'], 201>
export type IndicatorTrends = InferResponseType<
  Client['api']['plans'][':id']['indicators']['$get'],
  200
>
export type IndicatorImportReport = InferResponseType<
  Client['api']['plans'][':id']['indicator-values']['import']['$post'],
  200
>
export type IndicatorValueList = InferResponseType<
  Client['api']['plans'][':id']['indicator-values']['$get'],
  200
>
export type IndicatorInputs = InferResponseType<
  Client['api']['plans'][':id']['indicator-values']['inputs']['$get'],
  200
>
export type PlanLifecycle = InferResponseType<
  Client['api']['plans'][':id']['lifecycle']['$get'],
  200
>
export type PlanCloseResult = InferResponseType<
  Client['api']['plans'][':id']['close']['$post'],
  200
>
export type PlanMigrationOptions = InferResponseType<
  Client['api']['plans'][':id']['migration']['$get'],
  200
>
export type PlanMigration = InferResponseType<
  Client['api']['plans'][':id']['migration']['$post'],
  200
>
export type PlanLedger = InferResponseType<Client['api']['plans'][':id']['ledger']['$get'], 200>
export type LedgerRow = PlanLedger['groups'][number]['rows'][number]
export type SupervisionNotice = InferResponseType<
  Client['api']['plans'][':id']['tasks'][':taskId']['supervision-notice']['$get'],
  200
>
export type PlanBulletin = InferResponseType<Client['api']['plans'][':id']['bulletin']['$get'], 200>
