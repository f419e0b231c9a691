/**
 * @module JSON Schemas of the request bodies about accounts and regions: users, passwords,
 * regions and their notification channels. Re-exported by requests.schema.ts.
 */
import type { FromSchema } from 'json-schema-to-ts'
import { REGION_LEVELS } from '../../policy/metadata.schema.ts'

const id = { type: 'string', minLength: 1, maxLength: 200 } as const

/**
 * The roles an account may hold (server/auth/users.ts checks it is the same list). `admin` is a
 * system administrator, above every region; `region-admin` administers one region. The other roles
 * apply in the account's own region, or everywhere for an account above every region.
 */
export const USER_ROLES = [
  'author',
  'department',
  'reviewer',
  'leader',
  'region-admin',
  'admin',
] as const

/** The roles a region administrator may give; the two administrator roles only a system administrator gives. */
export const REGION_GRANTABLE_ROLES = ['author', 'department', 'reviewer', 'leader'] as const

/** 3–64 characters of a-z, 0-9, `.`, `_` and `-`: typed at login, shown in the audit log. */
export const USERNAME_PATTERN = '^[a-z0-9._-]{3,64}$'

const userFields = {
  displayName: {
    type: 'string',
    minLength: 1,
    maxLength: 100,
    pattern: '\\S',
    description: '姓名或单位名称 / Display name',
  },
  phone: {
    type: ['string', 'null'],
    pattern: '^[0-9+() -]{3,32}$',
    description: '手机（可选）/ Phone (optional)',
  },
  email: {
    type: ['string', 'null'],
    format: 'email',
    maxLength: 254,
    description: '电子邮箱（可选）/ Email (optional)',
  },
  roles: {
    type: 'array',
    minItems: 1,
    maxItems: USER_ROLES.length,
    uniqueItems: true,
    items: { enum: USER_ROLES },
    description: '角色 / Roles',
  },
  regionId: {
    type: ['string', 'null'],
    minLength: 1,
    maxLength: 64,
    description:
      "所属地区编号；null 为不属于任何地区（系统管理员）。地区管理员创建的用户总在其本地区 / Region id; null for an account above every region (a system admin). A region administrator's accounts are always in its region",
  },
  units: {
    type: 'array',
    maxItems: 500,
    description:
      '所属单位：须为该政策最新发布版本中的单位或机构 / Units: each a unit or body of the latest published version of its policy',
    items: {
      type: 'object',
      required: ['policyId', 'unitId'],
      additionalProperties: false,
      properties: { policyId: id, unitId: id },
    },
  },
} as const

export const createUserBody = {
  type: 'object',
  required: ['username', 'displayName', 'roles'],
  additionalProperties: false,
  properties: {
    username: {
      type: 'string',
      pattern: USERNAME_PATTERN,
      description: '用户名：3–64 个 a-z、0-9、. _ - / Username: 3–64 of a-z, 0-9, . _ -',
    },
    ...userFields,
    password: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description:
        '初始密码（不给则生成一次性密码）/ Initial password (omit to get a one-time one)',
    },
  },
} as const

export const updateUserBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...userFields,
    active: {
      type: 'boolean',
      description: 'false：停用，会话立即结束 / false: deactivate, ending its sessions at once',
    },
  },
} as const

export const changePasswordBody = {
  type: 'object',
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
  properties: {
    currentPassword: { type: 'string', minLength: 1, maxLength: 200 },
    newPassword: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const

const regionFields = {
  name: {
    type: 'string',
    minLength: 1,
    maxLength: 100,
    pattern: '\\S',
    description: '地区名称，如 屏南县 / Region name',
  },
  level: { enum: REGION_LEVELS, description: '行政层级 / Administrative level' },
  parentId: {
    type: ['string', 'null'],
    minLength: 1,
    maxLength: 64,
    description:
      '上级地区编号（其领导与地区管理员可向下查看）/ The parent region, whose leaders and administrators read down',
  },
  divisionCode: {
    type: ['string', 'null'],
    pattern: '^[0-9]{6}$',
    description: '行政区划代码（6 位）/ Division code, six digits',
  },
} as const

export const createRegionBody = {
  type: 'object',
  required: ['name', 'level'],
  additionalProperties: false,
  properties: regionFields,
} as const

export const updateRegionBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: regionFields,
} as const

/**
 * A region's delivery channels, all of them (what is not listed is removed). A channel kept as it
 * was names its `id` and may leave `target` and `secret` out: the stored ones are kept, since
 * they are never answered in full.
 */
export const regionChannelsBody = {
  type: 'object',
  required: ['channels'],
  additionalProperties: false,
  properties: {
    channels: {
      type: 'array',
      maxItems: 2000,
      items: {
        type: 'object',
        required: ['unit', 'kind'],
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            description: '保留的渠道 / A channel kept',
          },
          unit: { type: 'string', minLength: 1, maxLength: 200, description: '单位编号 / Unit id' },
          kind: {
            enum: ['email', 'dingtalk', 'wecom'],
            description:
              '邮件、钉钉群机器人、企业微信群机器人 / E-mail, DingTalk or WeCom group robot',
          },
          target: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
            description: '邮箱地址或 Webhook 地址 / E-mail address or webhook URL',
          },
          secret: {
            type: ['string', 'null'],
            maxLength: 500,
            description: '钉钉加签密钥（SEC…）/ DingTalk signing secret (SEC…)',
          },
        },
      },
    },
  },
} as const

export type RegionChannelsBody = FromSchema<typeof regionChannelsBody>
export type CreateRegionBody = FromSchema<typeof createRegionBody>
export type UpdateRegionBody = FromSchema<typeof updateRegionBody>
export type CreateUserBody = FromSchema<typeof createUserBody>
export type UpdateUserBody = FromSchema<typeof updateUserBody>
export type ChangePasswordBody = FromSchema<typeof changePasswordBody>
