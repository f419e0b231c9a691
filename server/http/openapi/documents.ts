/** @module The OpenAPI paths of the office's documents: the ledger, the 督办单 and the 情况通报. */
import { bulletinQuery, ledgerQuery } from '../../../schemas/api/queries.schema.ts'
import {
  bulletinSchema,
  ledgerSchema,
  supervisionNoticeSchema,
} from '../../../schemas/api/responses.schema.ts'
import { ok, path, queryParameters, read, xlsx } from './operations.ts'

const docx = (description: string) => ({
  description,
  content: {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
      schema: { type: 'string', format: 'binary' },
    },
  },
})

const ledgerParameters = [path('id'), ...queryParameters(ledgerQuery)]
const noticeParameters = [path('id'), path('taskId')]
const bulletinParameters = [path('id'), ...queryParameters(bulletinQuery)]

export const documentPaths = {
  '/api/plans/{id}/ledger': {
    get: read(
      '任务台账（筛选同任务列表）/ The ledger of tasks (filtered as the task list)',
      ledgerParameters,
      ok('按阶段或部分分组的任务 / Tasks grouped by phase or part', ledgerSchema),
    ),
  },
  '/api/plans/{id}/ledger.xlsx': {
    get: read('任务台账 Excel / The ledger as .xlsx', ledgerParameters, xlsx('Excel')),
  },
  '/api/plans/{id}/tasks/{taskId}/supervision-notice': {
    get: read(
      '督办单 / The supervision notice of a task',
      noticeParameters,
      ok('督办单 / Notice', supervisionNoticeSchema),
    ),
  },
  '/api/plans/{id}/tasks/{taskId}/supervision-notice.docx': {
    get: read('督办单 Word / The notice as .docx', noticeParameters, docx('Word')),
  },
  '/api/plans/{id}/bulletin': {
    get: read(
      '情况通报（期间默认自计划启动至今）/ The bulletin of a period',
      bulletinParameters,
      ok('统计、晾晒排名与逾期清单 / Counts, ranking, overdue list', bulletinSchema),
    ),
  },
  '/api/plans/{id}/bulletin.docx': {
    get: read('情况通报 Word / The bulletin as .docx', bulletinParameters, docx('Word')),
  },
}
