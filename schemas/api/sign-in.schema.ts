/**
 * @module Single sign-on (OpenID Connect) as the login page sees it: which ways to sign in the
 * server offers (`GET /api/auth/options`), the queries of `GET /api/auth/oidc/start` and
 * `…/callback`, and the reasons a sign-on ends back on the login page, each with its text. The
 * server puts the reason's code in the login page's address (`?login-error=`); the page shows
 * its text, so both sides read the one table here.
 */
import type { FromSchema } from 'json-schema-to-ts'
import type { LocalizedText } from './error.schema.ts'

/** `GET /api/auth/options`: whether single sign-on is configured, and its button's label. */
export const authOptionsSchema = {
  type: 'object',
  required: ['oidc'],
  additionalProperties: false,
  properties: {
    oidc: {
      description: '统一身份认证（未配置时为 null）/ Single sign-on (null when not configured)',
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['label'],
          additionalProperties: false,
          properties: {
            label: { type: 'string', description: '登录按钮文字 / The sign-on button’s label' },
          },
        },
      ],
    },
  },
} as const

/** `GET /api/auth/oidc/start`. */
export const oidcStartQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    returnTo: {
      type: 'string',
      description:
        '登录后回到的本站页面（以 / 开头，不在 /api/ 下，默认 /）/ The page on this site to return to after signing in (starts with /, not under /api/; default /)',
    },
  },
} as const

/** `GET /api/auth/oidc/callback`: what the identity provider sends back. */
export const oidcCallbackQuery = {
  type: 'object',
  additionalProperties: true,
  properties: {
    code: { type: 'string', description: '授权码 / Authorization code' },
    state: { type: 'string', description: '登录请求的 state / The login request’s state' },
    iss: { type: 'string', description: '身份提供方 / The issuer (RFC 9207)' },
    error: { type: 'string', description: '身份提供方的错误 / The provider’s error' },
    error_description: {
      type: 'string',
      description: '身份提供方的错误说明 / The provider’s error description',
    },
  },
} as const

/** Why a single sign-on ended back on the login page (`?login-error=<code>`). */
export const OIDC_LOGIN_ERRORS = {
  'sso-no-account': {
    zh: '统一身份认证已通过，但本系统没有与您对应的账号。请联系系统管理员先为您创建账号。',
    en: 'You signed in with single sign-on, but no account here matches you. Ask an administrator to create your account first.',
  },
  'sso-ambiguous': {
    zh: '统一身份认证返回的身份对应本系统多个账号，无法确定登录哪一个。请联系系统管理员。',
    en: 'Your single sign-on identity matches several accounts here, so none was chosen. Ask an administrator.',
  },
  'sso-inactive': {
    zh: '您的账号已停用，请联系系统管理员。',
    en: 'Your account is deactivated. Ask an administrator.',
  },
  'sso-denied': {
    zh: '统一身份认证未完成：登录已取消或被拒绝。',
    en: 'Single sign-on did not complete: the sign-in was cancelled or refused.',
  },
  'sso-expired': {
    zh: '这次统一身份认证登录已失效或已使用过，请重新点击登录。',
    en: 'This single sign-on attempt has expired or was already used. Start again.',
  },
  'sso-failed': {
    zh: '统一身份认证登录失败，请稍后重试；问题持续时请联系系统管理员。',
    en: 'Single sign-on failed. Try again later; if it keeps failing, tell an administrator.',
  },
  'sso-unavailable': {
    zh: '本系统未配置统一身份认证，请用用户名和密码登录。',
    en: 'Single sign-on is not configured here. Log in with your username and password.',
  },
} as const satisfies Record<string, LocalizedText>

export type OidcLoginError = keyof typeof OIDC_LOGIN_ERRORS
export type AuthOptions = FromSchema<typeof authOptionsSchema>
export type OidcStartQuery = FromSchema<typeof oidcStartQuery>

/** The query parameter the login page reads a failed sign-on's reason from. */
export const LOGIN_ERROR_PARAMETER = 'login-error'

/** Whether a value is one of the {@link OIDC_LOGIN_ERRORS} codes. */
export function isOidcLoginError(value: unknown): value is OidcLoginError {
  return typeof value === 'string' && Object.hasOwn(OIDC_LOGIN_ERRORS, value)
}
