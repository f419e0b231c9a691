/** @module The OpenAPI paths of plans, phase sign-off and tasks. */
import {
  batchApproveBody,
  planMembersBody,
  lightClearanceBody,
  planMigrationBody,
  progressReportBody,
  signOffBody,
  startPlanBody,
  subTasksBody,
  taskEventBody,
  transferTaskBody,
  extensionRequestBody,
  extensionDecisionBody,
  urgeBody,
} from '../../../schemas/api/requests.schema.ts'
import {
  planListQuery,
  planMembersQuery,
  taskListQuery,
} from '../../../schemas/api/queries.schema.ts'
import {
  escalationsSchema,
  splitResultSchema,
  memberChangeSchema,
  planDetailSchema,
  planMembersSchema,
  planMigrationSchema,
  planMigrationOptionsSchema,
  planListSchema,
  planProgressSchema,
  progressReportSchema,
  signOffResultSchema,
  startPlanResultSchema,
  taskDetailSchema,
  taskListSchema,
  taskSummarySchema,
  extensionSchema,
  urgeResultSchema,
  batchApproveResultSchema,
} from '../../../schemas/api/responses.schema.ts'
import { ok, errors, write, read, path, queryParameters } from './operations.ts'

/** Plans, their progress, escalations and phase sign-off. */
export const planPaths = {
  '/api/plans': {
    get: read(
      '计划列表（默认不含已归档）/ Plans (archived ones only when asked for)',
      queryParameters(planListQuery),
      ok('计划 / Plans', planListSchema),
    ),
    post: write('启动计划 / Start a plan', startPlanBody, {
      responses: { '201': ok('已启动 / Started', startPlanResultSchema), ...errors },
    }),
  },
  '/api/plans/{id}': {
    get: read(
      '计划 / Plan',
      [path('id')],
      ok('计划、政策版本与阶段 / The plan, its policy version and phases', planDetailSchema),
    ),
  },
  '/api/plans/{id}/progress': {
    get: read(
      '阶段进度 / Phase progress',
      [path('id')],
      ok('阶段、关口、各单位与督办 / Phases, gates, units and escalations', planProgressSchema),
    ),
  },
  '/api/plans/{id}/escalations': {
    get: read(
      '督办与通报中的任务 / Open tasks at 督办 and 通报',
      [path('id')],
      ok('任务 / Tasks', escalationsSchema),
    ),
  },
  '/api/plans/{id}/groups/{groupId}/members': {
    get: read(
      '组织成员 / A group’s members',
      [path('id'), path('groupId')],
      ok('成员、可选单位与版本 / Members, units to pick, version', planMembersSchema),
    ),
    put: write(
      '调整组织成员（可预览）/ Change a group’s members (or preview)',
      planMembersBody,
      {
        parameters: [
          path('id'),
          path('groupId'),
          ...queryParameters(planMembersQuery),
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
          {
            name: 'If-Match',
            in: 'header',
            schema: { type: 'string' },
            description: '成员版本（预览时可省）/ The members’ version (optional for a dry run)',
          },
        ],
      },
      ok('建立与撤回的任务 / Tasks made and withdrawn', memberChangeSchema),
    ),
  },
  '/api/plans/{id}/migration': {
    get: read(
      '可迁移到的更新版本 / Newer versions the plan may move to',
      [path('id')],
      ok('版本、修订号与权限 / Versions, revision, whether one may', planMigrationOptionsSchema),
    ),
    post: write(
      '修订计划：迁移到更新的政策版本（可预览）/ Move the plan to a newer version (or preview)',
      planMigrationBody,
      {
        parameters: [
          path('id'),
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
        ],
      },
      ok(
        '每个任务的变化，按单位与按类别 / Each task’s change, by unit and by kind',
        planMigrationSchema,
      ),
    ),
  },
  '/api/plans/{id}/phases/{phaseId}/sign-off': {
    post: write(
      '阶段签认 / Sign off a phase gate',
      signOffBody,
      {
        parameters: [path('id'), path('phaseId'), { $ref: '#/components/parameters/CsrfToken' }],
      },
      ok('签认结果 / The sign-off', signOffResultSchema),
    ),
  },
}

/** Tasks and their events. */
export const taskPaths = {
  '/api/tasks': {
    get: read(
      '本单位任务（按截止日）/ My unit’s tasks by deadline',
      queryParameters(taskListQuery),
      ok('任务与计数 / Tasks and counts', taskListSchema),
    ),
  },
  '/api/tasks/approve': {
    post: write(
      '批量审核通过：每项各自审核、各自留痕，失败的逐项说明原因且不写入 / Approve several reports: each its own approval and audit entry; a refused one is reported and leaves nothing written',
      batchApproveBody,
      {
        parameters: [
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
        ],
      },
      ok('逐项结果 / One result per task', batchApproveResultSchema),
    ),
  },
  '/api/tasks/{id}': {
    get: read('任务详情 / One task', [path('id')], ok('任务 / The task', taskDetailSchema)),
  },
  '/api/tasks/{id}/events': {
    post: write(
      '任务事件 / Send an event',
      taskEventBody,
      {
        parameters: [
          path('id'),
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
          {
            name: 'If-Match',
            in: 'header',
            schema: { type: 'string' },
            description: '任务版本 / Task version',
          },
        ],
      },
      ok('事件后的任务 / The task after the event', taskSummarySchema),
    ),
  },
  '/api/tasks/{id}/extension': {
    post: write(
      '延期申请（截止前）/ Ask for a new due date, before the deadline',
      extensionRequestBody,
      { parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }] },
      ok('延期申请 / The request', extensionSchema),
    ),
  },
  '/api/tasks/{id}/extension/decision': {
    post: write(
      '审批延期申请 / Approve or refuse the pending extension request',
      extensionDecisionBody,
      { parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }] },
      ok('审批后的申请 / The request as decided', extensionSchema),
    ),
  },
  '/api/tasks/{id}/urge': {
    post: write(
      '催办 / Urge the unit, with a message',
      urgeBody,
      { parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }] },
      ok('催办记录 / The urging as recorded', urgeResultSchema),
    ),
  },
  '/api/tasks/{id}/subtasks': {
    post: write(
      '分解任务（层层分解；dryRun 预览）/ Split into sub-tasks for units below (dryRun: preview)',
      subTasksBody,
      {
        parameters: [
          path('id'),
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
        ],
      },
      ok('子任务 / The sub-tasks', splitResultSchema),
    ),
  },
  '/api/tasks/{id}/transfer': {
    post: write(
      '转办到正确单位 / Transfer to the right unit',
      transferTaskBody,
      {
        parameters: [
          path('id'),
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
        ],
      },
      ok('转办后的任务 / The task after the transfer', taskSummarySchema),
    ),
  },
  '/api/tasks/{id}/progress': {
    post: {
      ...write(
        '报送进度（周期反馈，承办单位）/ Report progress (the assigned unit)',
        progressReportBody,
        {
          parameters: [
            path('id'),
            { $ref: '#/components/parameters/CsrfToken' },
            { $ref: '#/components/parameters/IdempotencyKey' },
          ],
        },
      ),
      responses: {
        '201': ok('所报进度与任务 / The report and the task', {
          type: 'object',
          required: ['report', 'task'],
          additionalProperties: false,
          properties: { report: progressReportSchema, task: taskSummarySchema },
        }),
        ...errors,
      },
    },
  },
  '/api/tasks/{id}/clear-red': {
    post: write(
      '解除红灯（办公室，须说明理由）/ Clear a red light (the office, with a reason)',
      lightClearanceBody,
      {
        parameters: [
          path('id'),
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
        ],
      },
      ok('解除后的任务 / The task after', taskSummarySchema),
    ),
  },
}
