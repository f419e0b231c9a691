/** @module Answers about sessions and accounts: the current user, login, account administration and imports. */
import type { FromSchema } from 'json-schema-to-ts'
import { issueSchema } from '../error.schema.ts'
import { instant, nullableText, text } from './primitives.ts'

/** `{ ok: true }`: the request did what it asked. */
export const okSchema = {
  type: 'object',
  required: ['ok'],
  additionalProperties: false,
  properties: { ok: { const: true } },
} as const

export const currentUserSchema = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'roles', 'regionId', 'units', 'mustChangePassword'],
  additionalProperties: false,
  properties: {
    id: text,
    username: text,
    displayName: text,
    roles: {
      type: 'array',
      items: text,
      description: 'author, department, reviewer, leader, region-admin, admin',
    },
    regionId: {
      ...nullableText,
      description:
        '所属地区；null 为不属于任何地区 / The region; null for an account above every region',
    },
    units: {
      type: 'object',
      description: '各政策下所属单位 / Units per policy id',
      additionalProperties: { type: 'array', items: text },
    },
    mustChangePassword: {
      type: 'boolean',
      description: '须先修改一次性密码 / The one-time password must be changed first',
    },
  },
} as const

/** Login and `GET /api/auth/me`: the user and the session's CSRF token. */
export const sessionSchema = {
  type: 'object',
  required: ['user', 'csrfToken'],
  additionalProperties: false,
  properties: {
    user: currentUserSchema,
    csrfToken: {
      type: 'string',
      description: '写请求须带 X-CSRF-Token / Send as X-CSRF-Token on writes',
    },
  },
} as const

/** An assessment the user's units run as its assessor (考核主体) or help compute, in a plan it sees. */
export const assessingSchema = {
  type: 'object',
  required: ['planId', 'planName', 'assessmentId', 'assessmentName'],
  additionalProperties: false,
  properties: { planId: text, planName: text, assessmentId: text, assessmentName: text },
} as const

/**
 * `GET /api/auth/session`: whether anyone is signed in (never a 401, so the web app asks it
 * first), and for a signed-in user what the landing page needs.
 */
export const sessionStateSchema = {
  type: 'object',
  required: ['user', 'csrfToken', 'assessing'],
  additionalProperties: false,
  properties: {
    user: { anyOf: [currentUserSchema, { type: 'null' }] },
    csrfToken: nullableText,
    assessing: {
      type: 'array',
      items: assessingSchema,
      description:
        "本人单位担任考核主体（或协助计算）的考核 / Assessments the user's units assess (or help compute)",
    },
  },
} as const

/** An account as its administrator sees it (never its password or hash). */
export const userSchema = {
  type: 'object',
  required: [
    'id',
    'username',
    'displayName',
    'phone',
    'email',
    'roles',
    'regionId',
    'units',
    'active',
    'mustChangePassword',
    'createdAt',
    'updatedAt',
  ],
  additionalProperties: false,
  properties: {
    id: text,
    username: text,
    displayName: text,
    phone: nullableText,
    email: nullableText,
    roles: { type: 'array', items: text },
    regionId: nullableText,
    units: {
      type: 'array',
      items: {
        type: 'object',
        required: ['policyId', 'unitId'],
        additionalProperties: false,
        properties: { policyId: text, unitId: text },
      },
    },
    active: { type: 'boolean' },
    mustChangePassword: { type: 'boolean' },
    createdAt: instant,
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

export const userListSchema = {
  type: 'object',
  required: ['users'],
  additionalProperties: false,
  properties: { users: { type: 'array', items: userSchema } },
} as const

/** A created account, with the one-time password when none was given (shown this once). */
export const createdUserSchema = {
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: {
    user: userSchema,
    initialPassword: {
      type: 'string',
      description: '一次性初始密码，仅显示这一次 / The one-time password, shown this once',
    },
  },
} as const

/** The row-by-row report of a user import; `created` holds each new account once, on success. */
export const userImportReportSchema = {
  type: 'object',
  required: ['dryRun', 'rows', 'created'],
  additionalProperties: false,
  properties: {
    dryRun: { type: 'boolean' },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        required: ['row', 'username', 'displayName', 'units', 'roles', 'ok', 'issues'],
        additionalProperties: false,
        properties: {
          row: { type: 'integer', minimum: 1, description: '文件中的行号 / Row of the file' },
          username: { type: 'string' },
          displayName: { type: 'string', description: '文件中的姓名 / 姓名 as written' },
          units: {
            type: 'array',
            items: { type: 'string' },
            description: '文件中写的单位 / 单位 as written, split at 、 , ， ; ；',
          },
          roles: {
            type: 'array',
            items: { type: 'string' },
            description: '文件中写的角色 / 角色 as written, split at 、 , ， ; ；',
          },
          ok: { type: 'boolean' },
          issues: { type: 'array', items: issueSchema },
        },
      },
    },
    created: {
      type: 'array',
      description:
        '已创建的用户及其一次性初始密码（仅显示这一次）/ The accounts created, each with its one-time password, shown this once',
      items: {
        type: 'object',
        required: ['user', 'initialPassword'],
        additionalProperties: false,
        properties: { user: userSchema, initialPassword: { type: 'string' } },
      },
    },
  },
} as const

export const userResultSchema = {
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: { user: userSchema },
} as const

export const passwordResetSchema = {
  type: 'object',
  required: ['user', 'oneTimePassword'],
  additionalProperties: false,
  properties: {
    user: userSchema,
    oneTimePassword: {
      type: 'string',
      description: '一次性密码，仅显示这一次 / The one-time password, shown this once',
    },
  },
} as const

/** A region as its administrators see it. */
export const regionSchema = {
  type: 'object',
  required: ['id', 'name', 'level', 'parentId', 'divisionCode', 'createdAt', 'updatedAt'],
  additionalProperties: false,
  properties: {
    id: text,
    name: text,
    level: text,
    parentId: nullableText,
    divisionCode: nullableText,
    createdAt: instant,
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

export const regionListSchema = {
  type: 'object',
  required: ['regions'],
  additionalProperties: false,
  properties: { regions: { type: 'array', items: regionSchema } },
} as const

export const regionResultSchema = {
  type: 'object',
  required: ['region'],
  additionalProperties: false,
  properties: { region: regionSchema },
} as const

export type Ok = FromSchema<typeof okSchema>
export type Session = FromSchema<typeof sessionSchema>
export type SessionState = FromSchema<typeof sessionStateSchema>
export type Assessing = FromSchema<typeof assessingSchema>
export type UserView = FromSchema<typeof userSchema>
export type UserList = FromSchema<typeof userListSchema>
export type CreatedUser = FromSchema<typeof createdUserSchema>
export type UserResult = FromSchema<typeof userResultSchema>
export type UserImportReport = FromSchema<typeof userImportReportSchema>
export type PasswordReset = FromSchema<typeof passwordResetSchema>
export type RegionView = FromSchema<typeof regionSchema>
export type RegionList = FromSchema<typeof regionListSchema>
export type RegionResult = FromSchema<typeof regionResultSchema>
export type SessionUser = FromSchema<typeof currentUserSchema>
