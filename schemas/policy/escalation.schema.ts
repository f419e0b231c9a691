/**
 * @module The optional `escalation` section: the ladder a task climbs around its deadline —
 * 提醒 before it, 催办 at it, then 督办 and 通报 — each step's offset and who is told.
 * Without it, {@link DEFAULT_ESCALATION} applies.
 */
import { refSchema } from './common.schema.ts'

export const ESCALATION_LEVELS = ['remind', 'urge', 'supervise', 'circulate'] as const
export const ESCALATION_AUDIENCES = ['assignee', 'reviewer', 'office', 'leadership'] as const
/** How often a long task reports its progress (周期反馈). */
export const PROGRESS_PERIODS = ['week', 'month', 'quarter'] as const

export const escalationSchema = {
  type: 'object',
  required: ['steps'],
  additionalProperties: false,
  description: '催办升级：提醒 → 催办 → 督办 → 通报 / The escalation ladder',
  properties: {
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['level', 'offset', 'notify'],
        additionalProperties: false,
        properties: {
          level: {
            enum: ESCALATION_LEVELS,
            description: 'remind 提醒、urge 催办、supervise 督办、circulate 通报 / Ladder step',
          },
          offset: {
            type: 'integer',
            minimum: -60,
            maximum: 120,
            description:
              '相对截止日的天数，负数为截止前 / Days from the deadline, negative before it',
          },
          workingDays: {
            type: 'boolean',
            description: '按工作日计算（缺省按自然日）/ Count working days (default calendar days)',
          },
          notify: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            description:
              '通知对象：assignee 责任单位、reviewer 审核单位、office 办公室、leadership 领导小组，或单位/机构标识 / Who is told',
            items: { anyOf: [{ enum: ESCALATION_AUDIENCES }, refSchema] },
          },
        },
      },
    },
    extensions: {
      type: 'object',
      additionalProperties: false,
      description:
        '延期申请：截止前责任单位可申请新的截止日 / Extension requests before the deadline',
      properties: {
        reviewer: {
          ...refSchema,
          description:
            '审批延期的单位或机构，缺省为任务的审核单位，再缺省为办公室 / Who decides (default: the task’s reviewer, else the office)',
        },
        maxDays: {
          type: 'integer',
          minimum: 1,
          maximum: 366,
          description: '最多可延期的自然日数 / At most this many calendar days later',
        },
      },
    },
    lights: {
      type: 'object',
      additionalProperties: false,
      description: '三色预警的阈值 / Thresholds of the three-colour status',
      properties: {
        blueWithinWorkingDays: {
          type: 'integer',
          minimum: 0,
          maximum: 30,
          description:
            '距截止日不超过几个工作日亮蓝灯（缺省 3）/ Blue within this many working days of the deadline (default 3)',
        },
        yellowBehindPercent: {
          type: 'integer',
          minimum: 1,
          maximum: 100,
          description:
            '落后序时进度几个百分点亮黄灯（缺省 20）/ Yellow when this many points behind the expected progress (default 20)',
        },
      },
    },
    progressReports: {
      type: 'object',
      additionalProperties: false,
      required: ['every'],
      description:
        '周期反馈：长期任务按周期报送进度 / Periodic progress reports asked of long tasks',
      properties: {
        every: {
          enum: PROGRESS_PERIODS,
          description: 'week 每周、month 每月、quarter 每季度 / How often',
        },
        minWindowDays: {
          type: 'integer',
          minimum: 1,
          maximum: 3660,
          description:
            '任务期限（自然日）不短于此才要求反馈（缺省 60）/ Only tasks whose window is at least this many days (default 60)',
        },
        urgeAfterWorkingDays: {
          type: 'integer',
          minimum: 1,
          maximum: 30,
          description:
            '逾期未报几个工作日后向办公室督办（缺省 3）/ Tell the office when a report is this many working days late (default 3)',
        },
      },
    },
  },
} as const

/** The ladder used when a config has no `escalation` section. */
export const DEFAULT_ESCALATION = {
  steps: [
    { level: 'remind', offset: -3, notify: ['assignee'] },
    { level: 'urge', offset: 0, notify: ['assignee', 'reviewer'] },
    { level: 'supervise', offset: 5, workingDays: true, notify: ['assignee', 'office'] },
    { level: 'circulate', offset: 10, workingDays: true, notify: ['leadership'] },
  ],
} as const
