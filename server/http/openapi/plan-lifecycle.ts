/** @module The OpenAPI paths of a plan's lifecycle: suspend, resume, close, archive. */
import {
  activateDutyBody,
  archivePlanBody,
  closePlanBody,
  resumePlanBody,
  suspendPlanBody,
} from '../../../schemas/api/requests.schema.ts'
import {
  closeResultSchema,
  planLifecycleSchema,
  planMovedSchema,
  resumeResultSchema,
} from '../../../schemas/api/responses.schema.ts'
import { ok, write, read, path } from './operations.ts'

const planWrite = {
  parameters: [
    path('id'),
    { $ref: '#/components/parameters/CsrfToken' },
    { $ref: '#/components/parameters/IdempotencyKey' },
  ],
}

/** A plan's life after it starts. */
export const planLifecyclePaths = {
  '/api/plans/{id}/lifecycle': {
    get: read(
      '计划状态与可执行的操作 / The plan’s status and the moves this user may make',
      [path('id')],
      ok(
        '状态、权限、有效期与暂停记录 / Status, rights, period end, suspensions',
        planLifecycleSchema,
      ),
    ),
  },
  '/api/plans/{id}/duties/{dutyId}/activate': {
    post: write(
      '启用可选任务（条件成熟时）/ Activate an optional duty once its condition holds',
      activateDutyBody,
      {
        parameters: [
          path('id'),
          path('dutyId'),
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
        ],
      },
      ok('已启用，及派出的任务数 / Activated, with the tasks made', {
        type: 'object',
        required: ['duty', 'condition', 'tasks'],
        properties: {
          duty: { type: 'string' },
          condition: { type: 'string' },
          tasks: { type: 'integer' },
        },
      }),
    ),
  },
  '/api/plans/{id}/suspend': {
    post: write(
      '暂停计划 / Suspend a running plan',
      suspendPlanBody,
      planWrite,
      ok('已暂停 / Suspended', planMovedSchema),
    ),
  },
  '/api/plans/{id}/resume': {
    post: write(
      '恢复计划 / Resume a suspended plan',
      resumePlanBody,
      planWrite,
      ok(
        '已恢复，及暂停期间到期的定时器 / Resumed, with the timers that fell due',
        resumeResultSchema,
      ),
    ),
  },
  '/api/plans/{id}/close': {
    post: write(
      '关闭计划（可预览）/ Close a plan at the end of its period (or preview)',
      closePlanBody,
      planWrite,
      ok('关闭的未完成任务 / The open tasks closed', closeResultSchema),
    ),
  },
  '/api/plans/{id}/archive': {
    post: write(
      '归档计划 / Archive a closed plan (read-only from then on)',
      archivePlanBody,
      planWrite,
      ok('已归档 / Archived', planMovedSchema),
    ),
  },
}
