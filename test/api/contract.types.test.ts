/**
 * The typed contract between server and web: what each route answers fits the schema that
 * /api/openapi.json describes it with (schemas/api/responses.schema.ts), and the client's request
 * types come from the request schemas. Checked by the type checker: a route that answers
 * something else, or a schema that describes a field the route does not send, fails `tsc`.
 */
import type { hc, InferRequestType, InferResponseType } from 'hono/client'
import type { StatusCode } from 'hono/utils/http-status'
import type { AppType } from '../../server/app.ts'
import type { TaskEventBody } from '../../schemas/api/requests.schema.ts'
import type { AttachmentUpload } from '../../schemas/api/attachment.schema.ts'
import type * as R from '../../schemas/api/responses.schema.ts'

type Api = ReturnType<typeof hc<AppType>>['api']
type Answer<T, S extends StatusCode = 200> = InferResponseType<T, S>
/** `true` only when A is assignable to B. */
type Fits<A, B> = [A] extends [B] ? true : false
const holds = <T extends true>(): T => true as T

describe('the routes answer what their response schemas describe', () => {
  it('holds for sessions, policies, plans, tasks, indicator values, assessment runs, attachments and the audit log', () => {
    const checks: true[] = [
      // The account is read again after the password check; its type allows a row gone meanwhile.
      holds<
        Fits<
          Answer<Api['auth']['login']['$post']>,
          Omit<R.Session, 'user'> & Partial<Pick<R.Session, 'user'>>
        >
      >(),
      holds<Fits<Answer<Api['auth']['me']['$get']>, R.Session>>(),
      holds<Fits<Answer<Api['auth']['logout']['$post']>, R.Ok>>(),
      holds<Fits<Answer<Api['policies']['$get']>, { policies: R.PolicySummary[] }>>(),
      holds<Fits<Answer<Api['policies']['$post'], 200 | 201>, R.PublishResult>>(),
      holds<Fits<Answer<Api['policies']['validate']['$post']>, R.ValidateResult>>(),
      holds<
        Fits<
          Answer<Api['policies'][':policyId']['versions']['$get']>,
          { versions: R.PolicySummary[] }
        >
      >(),
      holds<
        Fits<
          Answer<Api['policies'][':policyId']['versions'][':version']['$get']>,
          R.PolicyVersionView
        >
      >(),
      holds<Fits<Answer<Api['policies'][':policyId']['diff']['$get']>, R.PolicyDiffView>>(),
      holds<Fits<Answer<Api['plans']['$get']>, { plans: R.PlanView[] }>>(),
      holds<Fits<Answer<Api['plans']['$post'], 201>, R.StartPlanResult>>(),
      holds<Fits<Answer<Api['plans'][':id']['$get']>, R.PlanDetailView>>(),
      holds<
        Fits<
          Answer<Api['plans'][':id']['phases'][':phaseId']['sign-off']['$post']>,
          R.SignOffResult
        >
      >(),
      holds<Fits<Answer<Api['plans'][':id']['progress']['$get']>, R.PlanProgressView>>(),
      holds<Fits<Answer<Api['plans'][':id']['escalations']['$get']>, R.Escalations>>(),
      holds<Fits<Answer<Api['plans'][':id']['ledger']['$get']>, R.Ledger>>(),
      holds<Fits<Answer<Api['plans'][':id']['bulletin']['$get']>, R.Bulletin>>(),
      holds<
        Fits<
          Answer<Api['plans'][':id']['tasks'][':taskId']['supervision-notice']['$get']>,
          R.SupervisionNotice
        >
      >(),
      holds<
        Fits<
          Answer<Api['plans'][':id']['groups'][':groupId']['members']['$get']>,
          R.PlanMembersView
        >
      >(),
      holds<
        Fits<
          Answer<Api['plans'][':id']['groups'][':groupId']['members']['$put']>,
          R.MemberChangeView
        >
      >(),
      holds<Fits<Answer<Api['plans'][':id']['lifecycle']['$get']>, R.PlanLifecycleView>>(),
      holds<Fits<Answer<Api['plans'][':id']['suspend']['$post']>, R.PlanMoved>>(),
      holds<Fits<Answer<Api['plans'][':id']['resume']['$post']>, R.ResumeResultView>>(),
      holds<Fits<Answer<Api['plans'][':id']['close']['$post']>, R.CloseResultView>>(),
      holds<Fits<Answer<Api['plans'][':id']['archive']['$post']>, R.PlanMoved>>(),
      holds<
        Fits<Answer<Api['plans'][':id']['indicator-values']['$put']>, R.IndicatorValuesResult>
      >(),
      holds<Fits<Answer<Api['plans'][':id']['indicator-values']['$get']>, R.IndicatorValueList>>(),
      holds<
        Fits<Answer<Api['plans'][':id']['indicator-values']['inputs']['$get']>, R.IndicatorInputs>
      >(),
      holds<Fits<Answer<Api['plans'][':id']['indicators']['$get']>, R.IndicatorSeries>>(),
      holds<
        Fits<Answer<Api['plans'][':id']['indicator-values']['import']['$post']>, R.ImportReportView>
      >(),
      holds<Fits<Answer<Api['plans'][':id']['assessments']['$get']>, R.AssessmentList>>(),
      holds<
        Fits<
          Answer<Api['plans'][':id']['assessments'][':assessmentId']['runs'][':year']['$get']>,
          R.RunView
        >
      >(),
      holds<
        Fits<
          Answer<
            Api['plans'][':id']['assessments'][':assessmentId']['runs'][':year']['units'][':unitId']['$get']
          >,
          R.UnitReport
        >
      >(),
      holds<
        Fits<
          Answer<Api['plans'][':id']['assessments'][':assessmentId']['runs']['$post'], 201>,
          R.ComputeResult
        >
      >(),
      holds<
        Fits<
          Answer<
            Api['plans'][':id']['assessments'][':assessmentId']['runs'][':year']['review']['$post']
          >,
          R.ReviewResult
        >
      >(),
      holds<
        Fits<
          Answer<
            Api['plans'][':id']['assessments'][':assessmentId']['runs'][':year']['publish']['$post']
          >,
          R.PublishRunResult
        >
      >(),
      holds<Fits<Answer<Api['tasks']['$get']>, R.TaskList>>(),
      holds<Fits<Answer<Api['tasks'][':id']['$get']>, R.TaskDetailView>>(),
      holds<Fits<Answer<Api['tasks'][':id']['events']['$post']>, R.TaskSummary>>(),
      holds<Fits<Answer<Api['tasks'][':id']['transfer']['$post']>, R.TaskSummary>>(),
      holds<Fits<Answer<Api['tasks'][':id']['subtasks']['$post']>, R.SplitResult>>(),
      holds<Fits<Answer<Api['attachments']['$post'], 201>, AttachmentUpload>>(),
      holds<Fits<Answer<Api['audit']['$get']>, R.AuditEntries>>(),
      holds<Fits<Answer<Api['audit']['verify']['$get']>, R.AuditVerificationView>>(),
      holds<Fits<Answer<Api['auth']['password']['$post']>, R.Ok>>(),
      holds<Fits<Answer<Api['users']['$get']>, R.UserList>>(),
      holds<Fits<Answer<Api['users']['$post'], 201>, R.CreatedUser>>(),
      holds<Fits<Answer<Api['users'][':id']['$patch']>, R.UserResult>>(),
      holds<Fits<Answer<Api['users'][':id']['password-reset']['$post']>, R.PasswordReset>>(),
      holds<Fits<Answer<Api['regions']['$get']>, R.RegionList>>(),
      holds<Fits<Answer<Api['regions']['$post'], 201>, R.RegionResult>>(),
      holds<Fits<Answer<Api['regions'][':id']['$patch']>, R.RegionResult>>(),
      holds<Fits<Answer<Api['regions'][':id']['channels']['$get']>, R.ChannelList>>(),
      holds<Fits<Answer<Api['regions'][':id']['channels']['$put']>, R.ChannelList>>(),
      holds<Fits<Answer<Api['notifications']['$get']>, R.NotificationList>>(),
      holds<Fits<Answer<Api['notifications']['unread-count']['$get']>, { unread: number }>>(),
      holds<Fits<Answer<Api['notifications'][':id']['read']['$post']>, { read: number }>>(),
      holds<Fits<Answer<Api['notifications']['read-all']['$post']>, { read: number }>>(),
    ]
    expect(checks.every(Boolean)).toBe(true)
  })
})

describe('the client sends what the request schemas accept', () => {
  it('types a task event body by its schema', () => {
    type Sent = InferRequestType<Api['tasks'][':id']['events']['$post']>['json']
    const checks: true[] = [holds<Fits<Sent, TaskEventBody>>(), holds<Fits<TaskEventBody, Sent>>()]
    // @ts-expect-error DELETE is not a task event
    const wrong: Sent = { type: 'DELETE' }
    expect(checks.every(Boolean)).toBe(true)
    expect(wrong).toEqual({ type: 'DELETE' })
  })
})

describe('the client names only paths, parameters and queries the routes declare', () => {
  it('refuses a query a route does not read and a path it does not serve', () => {
    type TaskQuery = InferRequestType<Api['tasks']['$get']>['query']
    const query: TaskQuery = { plan: 'p', overdue: 'true' }
    // @ts-expect-error the task list reads no `sort`
    const unread: TaskQuery = { sort: 'dueOn' }
    // @ts-expect-error overdue is 'true' or 'false'
    const wrong: TaskQuery = { overdue: 'yes' }
    // @ts-expect-error there is no /api/plans/:id/rename
    type Missing = Api['plans'][':id']['rename']
    const missing: Missing | undefined = undefined
    expect([query, unread, wrong, missing]).toHaveLength(4)
  })
})
