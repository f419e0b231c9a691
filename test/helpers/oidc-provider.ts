/**
 * A real OpenID Connect provider for the single sign-on tests: `oidc-provider` on a loopback port
 * the OS picks, with one confidential client for luoshi and accounts whose claims the test
 * chooses. Its sign-in page is a plain HTML form (an account name, 登录 / 取消), so both an HTTP
 * client and Chromium can complete or cancel a sign-in; consent is granted with the login.
 */
import { generateKeyPairSync } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'
import type { JWK } from 'oidc-provider'

export const OIDC_CLIENT_ID = 'luoshi'
export const OIDC_CLIENT_SECRET = 'luoshi-test-client-secret-0123456789'

/** The claims of a provider account besides `sub` (which is its key in the map). */
export type ProviderAccounts = Map<string, Record<string, unknown>>

export interface TestProvider {
  issuer: string
  accounts: ProviderAccounts
  /** Registers the client with luoshi's callback URLs; call before the first sign-in. */
  register(redirectUris: string[]): void
  close(): Promise<void>
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/**
 * Starts the provider's HTTP server on 127.0.0.1; the provider itself is built by `register`.
 * @param issuerHost The host its issuer URL names: `localhost` makes it another site than a
 *   luoshi on 127.0.0.1, as a real provider is (cookies with SameSite then behave as in use).
 */
export async function startTestProvider(issuerHost = '127.0.0.1'): Promise<TestProvider> {
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined
  const server: Server = createServer((req, res) => {
    if (!handle) {
      res.writeHead(503).end('provider not registered yet')
      return
    }
    handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://${issuerHost}:${(server.address() as AddressInfo).port}`
  const accounts: ProviderAccounts = new Map()
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  }) as JWK

  const register = (redirectUris: string[]) => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: OIDC_CLIENT_ID,
          client_secret: OIDC_CLIENT_SECRET,
          redirect_uris: redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [{ ...signingKey, use: 'sig', kid: 'test-key' }] },
      cookies: { keys: ['test-provider-cookie-key'] },
      claims: {
        openid: ['sub'],
        profile: ['preferred_username', 'name'],
        email: ['email', 'email_verified'],
      },
      findAccount: async (_ctx, sub) => {
        const claims = accounts.get(sub)
        if (!claims) return undefined
        return { accountId: sub, claims: async () => ({ sub, ...claims }) }
      },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      features: { devInteractions: { enabled: false } },
      // Explicit lifetimes, so the provider does not log a notice for each default it uses.
      ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    })
    const callback = provider.callback()
    handle = (req, res) => {
      const match = /^\/interaction\/([^/?]+)(\/login|\/abort)?/.exec(req.url ?? '')
      if (!match) {
        void callback(req, res)
        return
      }
      void interaction(provider, req, res, match[1]!, match[2]).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
      })
    }
  }

  /** The sign-in page, and what its two buttons post. */
  async function interaction(
    provider: Provider,
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    action: string | undefined,
  ): Promise<void> {
    const details = await provider.interactionDetails(req, res)
    if (req.method === 'GET') {
      const base = `/interaction/${escapeHtml(uid)}`
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证平台</title></head><body>
<h1>统一身份认证平台</h1>
<form method="post" action="${base}/login"><label>账号 <input name="account" autocomplete="off"></label><button type="submit">登录</button></form>
<form method="post" action="${base}/abort"><button type="submit">取消</button></form>
</body></html>`,
      )
      return
    }
    if (action === '/abort') {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'The person cancelled the sign-in',
      })
      return
    }
    const form = new URLSearchParams(await bodyOf(req))
    const accountId = form.get('account') ?? ''
    const clientId = String(details.params.client_id)
    const grant = new provider.Grant({ accountId, clientId })
    grant.addOIDCScope(String(details.params.scope ?? 'openid'))
    const grantId = await grant.save()
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    )
  }

  return {
    issuer,
    accounts,
    register,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of req) body += String(chunk)
  return body
}
