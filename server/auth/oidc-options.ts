/**
 * @module Operator settings for single sign-on (OpenID Connect), read once at start from
 * `LUOSHI_OIDC_*` and injected into the app (`deps.oidc`), as security-options.ts does for the
 * proxy and session settings. Without `LUOSHI_OIDC_ISSUER` there is no single sign-on: only
 * passwords.
 */

/** Which account column the chosen claim is compared with. */
export type OidcMatchColumn = 'username' | 'email'

export interface OidcOptions {
  /** The provider's issuer identifier; its discovery document is read from it. */
  issuer: URL
  clientId: string
  /** Never logged, never sent anywhere but the provider's token endpoint. */
  clientSecret: string
  /**
   * The callback the provider redirects to, as registered with it. Undefined: derived from each
   * request's origin (scheme from the proxy-trust rules, host from `Host`).
   */
  redirectUri: URL | undefined
  /** The claim naming the luoshi account: `preferred_username`, `email`, `sub` or any other. */
  claim: string
  /** The account column the claim must equal. */
  match: OidcMatchColumn
  /** The scopes asked for; `openid` is always among them. */
  scope: string
  /** The login page's button. */
  label: string
}

export const DEFAULT_OIDC_CLAIM = 'preferred_username'
export const DEFAULT_OIDC_SCOPE = 'openid profile email'
export const DEFAULT_OIDC_LABEL = '统一身份认证登录'

/** Hosts where a plain-HTTP issuer is accepted: this machine only (a local trial, the tests). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Whether an issuer URL may be spoken to over plain HTTP (a loopback host). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname)
}

/**
 * The settings from the environment, or undefined when `LUOSHI_OIDC_ISSUER` is unset.
 * @throws Error when a value is missing or not understood (the server refuses to start); the
 *   message never repeats the client secret.
 */
export function oidcFromEnv(env: NodeJS.ProcessEnv = process.env): OidcOptions | undefined {
  const value = (name: string) => env[name]?.trim() ?? ''
  const issuerText = value('LUOSHI_OIDC_ISSUER')
  if (!issuerText) {
    const stray = ['LUOSHI_OIDC_CLIENT_ID', 'LUOSHI_OIDC_CLIENT_SECRET'].filter((name) =>
      value(name),
    )
    if (stray.length)
      throw new Error(
        `${stray.join(' and ')} set without LUOSHI_OIDC_ISSUER: set the issuer URL too`,
      )
    return undefined
  }
  const issuer = absoluteUrl('LUOSHI_OIDC_ISSUER', issuerText)
  if (issuer.protocol !== 'https:' && !isLoopback(issuer))
    throw new Error(`LUOSHI_OIDC_ISSUER must be an https:// URL, not ${issuerText}`)
  const clientId = value('LUOSHI_OIDC_CLIENT_ID')
  if (!clientId) throw new Error('LUOSHI_OIDC_CLIENT_ID is required with LUOSHI_OIDC_ISSUER')
  const clientSecret = value('LUOSHI_OIDC_CLIENT_SECRET')
  if (!clientSecret)
    throw new Error('LUOSHI_OIDC_CLIENT_SECRET is required with LUOSHI_OIDC_ISSUER')
  const redirectText = value('LUOSHI_OIDC_REDIRECT_URI')
  const match = value('LUOSHI_OIDC_MATCH') || 'username'
  if (match !== 'username' && match !== 'email')
    throw new Error(`LUOSHI_OIDC_MATCH must be username or email, not ${match}`)
  const scopes = new Set((value('LUOSHI_OIDC_SCOPE') || DEFAULT_OIDC_SCOPE).split(/\s+/))
  scopes.add('openid')
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: redirectText ? absoluteUrl('LUOSHI_OIDC_REDIRECT_URI', redirectText) : undefined,
    claim: value('LUOSHI_OIDC_CLAIM') || DEFAULT_OIDC_CLAIM,
    match,
    scope: [...scopes].join(' '),
    label: value('LUOSHI_OIDC_LABEL') || DEFAULT_OIDC_LABEL,
  }
}

function absoluteUrl(name: string, text: string): URL {
  try {
    const url = new URL(text)
    if (url.protocol === 'https:' || url.protocol === 'http:') return url
  } catch {
    // Reported below with the variable's name.
  }
  throw new Error(`${name} must be an absolute http(s) URL, not ${text}`)
}
