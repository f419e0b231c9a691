/** @module The OpenAPI paths of logging in, the session and user accounts. */
import {
  changePasswordBody,
  createRegionBody,
  updateRegionBody,
  createUserBody,
  updateUserBody,
  loginBody,
} from '../../../schemas/api/requests.schema.ts'
import { userImportQuery, userListQuery } from '../../../schemas/api/queries.schema.ts'
import {
  createdUserSchema,
  passwordResetSchema,
  regionListSchema,
  regionResultSchema,
  userImportReportSchema,
  userListSchema,
  userResultSchema,
  okSchema,
  sessionSchema,
  sessionStateSchema,
} from '../../../schemas/api/responses.schema.ts'
import {
  authOptionsSchema,
  oidcCallbackQuery,
  oidcStartQuery,
} from '../../../schemas/api/sign-in.schema.ts'
import { json, xlsx, ok, errors, write, read, path, queryParameters } from './operations.ts'

/** Logging in and out, the session and my password. */
export const authPaths = {
  '/api/auth/login': {
    post: {
      summary: '登录 / Log in',
      security: [],
      requestBody: { required: true, ...json(loginBody) },
      responses: {
        '200': ok('会话 Cookie 与 CSRF 令牌 / Session cookie and CSRF token', sessionSchema),
        ...errors,
      },
    },
  },
  '/api/auth/me': {
    get: read(
      '当前用户 / Current user',
      [],
      ok('用户与 CSRF 令牌 / The user and the CSRF token', sessionSchema),
    ),
  },
  '/api/auth/session': {
    get: {
      summary:
        '是否已登录：当前用户、CSRF 令牌与其担任考核主体的考核；未登录时 user 为 null（不返回 401）/ Whether anyone is signed in: the user, the CSRF token and the assessments its units run; user null when nobody is (never a 401)',
      security: [],
      responses: { '200': ok('会话状态 / The session state', sessionStateSchema), ...errors },
    },
  },
  '/api/auth/password': {
    post: write(
      '修改本人密码（须符合密码规则；其他会话结束）/ Change my password (the password policy applies; my other sessions end)',
      changePasswordBody,
      {},
      ok('OK', okSchema),
    ),
  },
  '/api/auth/options': {
    get: {
      summary:
        '登录方式：是否配置统一身份认证及其按钮文字 / Ways to sign in: whether single sign-on is configured, and its button label',
      security: [],
      responses: { '200': ok('登录方式 / Ways to sign in', authOptionsSchema), ...errors },
    },
  },
  '/api/auth/oidc/start': {
    get: {
      summary:
        '统一身份认证：转到身份提供方（PKCE、state、nonce）/ Single sign-on: redirect to the identity provider (PKCE, state, nonce)',
      security: [],
      parameters: queryParameters(oidcStartQuery),
      responses: {
        '302': { description: '转到身份提供方 / To the identity provider' },
        '303': {
          description:
            '未配置或身份提供方不可用：回到登录页（?login-error=）/ Not configured or the provider is unreachable: back to the login page (?login-error=)',
        },
        ...errors,
      },
    },
  },
  '/api/auth/oidc/callback': {
    get: {
      summary:
        '统一身份认证回调：登录并回到 returnTo，或带 ?login-error= 回到登录页 / Single sign-on callback: signs in and returns to returnTo, or back to the login page with ?login-error=',
      security: [],
      parameters: queryParameters(oidcCallbackQuery),
      responses: {
        '303': {
          description:
            '登录成功（会话 Cookie）或被拒绝（?login-error=）/ Signed in (session cookie) or refused (?login-error=)',
        },
      },
    },
  },
  '/api/auth/logout': {
    post: {
      summary: '退出并吊销会话 / Log out, revoking the session',
      parameters: [{ $ref: '#/components/parameters/CsrfToken' }],
      responses: { '200': ok('OK', okSchema), ...errors },
    },
  },
}

/** User accounts (system administrators: every account; region administrators: their region's). */
export const userPaths = {
  '/api/users': {
    get: read(
      '用户列表（系统管理员：全部；地区管理员：本地区）/ Accounts (system administrators: all; region administrators: their region)',
      queryParameters(userListQuery),
      ok('用户 / Accounts', userListSchema),
    ),
    post: write(
      '创建用户；未给密码时返回一次性初始密码 / Create an account; without a password, a one-time one is returned',
      createUserBody,
      {
        // No Idempotency-Key: the answer may hold a one-time password, never kept for a replay.
        parameters: [{ $ref: '#/components/parameters/CsrfToken' }],
        responses: { '201': ok('已创建 / Created', createdUserSchema), ...errors },
      },
    ),
  },
  '/api/users/{id}': {
    patch: write(
      '修改或停用用户（停用即结束其会话）/ Change or deactivate an account (deactivation ends its sessions)',
      updateUserBody,
      {
        parameters: [
          path('id'),
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
        ],
      },
      ok('用户 / The account', userResultSchema),
    ),
  },
  '/api/users/{id}/password-reset': {
    post: {
      summary:
        '重置密码：一次性密码，会话结束，下次登录须修改 / Reset the password: a one-time password, sessions end, change at next login',
      parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }],
      responses: {
        '200': ok('一次性密码 / The one-time password', passwordResetSchema),
        ...errors,
      },
    },
  },
  '/api/users/import': {
    post: {
      summary:
        '批量导入用户（.xlsx 或 CSV：姓名、用户名、单位、角色、手机），逐行报告，全部或全不 / Import accounts from .xlsx or CSV with a row-by-row report, all or nothing',
      // No Idempotency-Key: the answer holds one-time passwords, never kept for a replay.
      parameters: [
        { $ref: '#/components/parameters/CsrfToken' },
        ...queryParameters(userImportQuery),
        { name: 'X-Filename', in: 'header', schema: { type: 'string' } },
      ],
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', format: 'binary' },
          },
        },
      },
      responses: {
        '200': ok(
          "报告及新用户的一次性密码 / The report, with each new account's one-time password",
          userImportReportSchema,
        ),
        ...errors,
      },
    },
  },
  '/api/users/import/template': {
    get: read('用户导入模板 / The Excel template for an import', [], xlsx('模板 / The template')),
  },
}

/** Regions (created and changed by system administrators; listed to everyone as far as they read). */
export const regionPaths = {
  '/api/regions': {
    get: read(
      "地区列表：本地区及其下级（不属于任何地区的账号：全部）/ The regions one reads: one's own and those below (all of them above every region)",
      [],
      ok('地区 / Regions', regionListSchema),
    ),
    post: write(
      '创建地区（系统管理员）/ Create a region (system administrators)',
      createRegionBody,
      {
        responses: { '201': ok('已创建 / Created', regionResultSchema), ...errors },
      },
    ),
  },
  '/api/regions/{id}': {
    patch: write(
      '修改地区：名称、层级、上级、行政区划代码（系统管理员）/ Change a region (system administrators)',
      updateRegionBody,
      {
        parameters: [
          path('id'),
          { $ref: '#/components/parameters/CsrfToken' },
          { $ref: '#/components/parameters/IdempotencyKey' },
        ],
      },
      ok('地区 / The region', regionResultSchema),
    ),
  },
}
