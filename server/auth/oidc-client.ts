/**
 * @module luoshi as an OpenID Connect relying party, through `openid-client`: the provider's
 * metadata (discovered once per process, asked again after a failure), the authorization request
 * (code flow with PKCE S256, `state` and `nonce`) and the return (the code exchanged, the ID
 * token checked for issuer, audience, signature, expiry and nonce; the user info read when the ID
 * token lacks the configured claim). Tokens stay in memory for the length of one request.
 */
import * as client from 'openid-client'
import type { OidcOptions } from './oidc-options.ts'
import type { PendingLogin } from './oidc-logins.ts'

const configurations = new WeakMap<OidcOptions, Promise<client.Configuration>>()

/** The provider's configuration for these options, discovered at first use. */
export function providerConfiguration(options: OidcOptions): Promise<client.Configuration> {
  let found = configurations.get(options)
  if (!found) {
    found = discover(options)
    configurations.set(options, found)
    // A provider that was down at the first sign-on is asked again at the next one.
    found.catch(() => configurations.delete(options))
  }
  return found
}

async function discover(options: OidcOptions): Promise<client.Configuration> {
  // oidc-options.ts accepts plain HTTP for a loopback issuer only (a local trial, the tests).
  const insecure = options.issuer.protocol === 'http:'
  const discovered = await client.discovery(
    options.issuer,
    options.clientId,
    options.clientSecret,
    undefined,
    insecure ? { execute: [client.allowInsecureRequests] } : undefined,
  )
  // The client authenticates as the provider says it may: client_secret_basic is the default of
  // OpenID Connect Discovery when the provider lists no method.
  const methods = discovered.serverMetadata().token_endpoint_auth_methods_supported
  const basic = !methods || methods.includes('client_secret_basic')
  const configuration = new client.Configuration(
    discovered.serverMetadata(),
    options.clientId,
    options.clientSecret,
    basic
      ? client.ClientSecretBasic(options.clientSecret)
      : client.ClientSecretPost(options.clientSecret),
  )
  if (insecure) client.allowInsecureRequests(configuration)
  return configuration
}

/** Where to send the browser, and what to keep until it returns. */
export async function authorizationRequest(
  options: OidcOptions,
  redirectUri: string,
  returnTo: string,
): Promise<{ url: URL; pending: PendingLogin }> {
  const configuration = await providerConfiguration(options)
  const pending: PendingLogin = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectUri,
    returnTo,
  }
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: options.scope,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  })
  return { url, pending }
}

/**
 * Completes a sign-on: exchanges the code the provider returned (with the PKCE verifier, the
 * expected state and nonce) and returns the person's claims: the ID token's, and the user
 * info's when the ID token lacks `options.claim`.
 * @param parameters The query the provider returned to the callback with.
 * @throws openid-client's errors when the response, the exchange or the ID token fails a check.
 */
export async function signedInClaims(
  options: OidcOptions,
  parameters: URLSearchParams,
  pending: PendingLogin,
): Promise<Record<string, unknown>> {
  const configuration = await providerConfiguration(options)
  // The redirect URI the request was sent with, whatever address this request arrived at (a
  // proxy in front may have rewritten it): the token request must repeat it exactly.
  const returned = new URL(pending.redirectUri)
  returned.search = parameters.toString()
  const tokens = await client.authorizationCodeGrant(configuration, returned, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  })
  const idToken = tokens.claims()
  if (!idToken) throw new Error('the token response has no ID token')
  if (idToken[options.claim] !== undefined) return { ...idToken }
  const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
  return { ...userInfo, ...idToken }
}
