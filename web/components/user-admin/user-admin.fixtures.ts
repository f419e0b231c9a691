/**
 * The account page tests' fixtures: accounts, the API answered in order by a stubbed fetch (who is
 * signed in and the published policies answered apart), the mounted page, and the page cleared
 * after each test.
 */
import { expect, vi } from 'vitest'
import type { LsUserAdmin } from './user-admin.component.ts'

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export const account = (over: Record<string, unknown> = {}) => ({
  id: 'u1',
  username: 'lin',
  displayName: '林某',
  phone: null,
  email: null,
  roles: ['department'],
  units: [{ policyId: 'demo', unitId: 'office' }],
  active: true,
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: null,
  ...over,
})

type SignedIn = { roles: string[]; regionId: string | null }
const SYSTEM_ADMIN: SignedIn = { roles: ['admin'], regionId: null }

/** The account the page is opened by. */
let signedIn = SYSTEM_ADMIN

/** Opens the page as `user` instead of a system administrator, until the test ends. */
export function signInAs(user: SignedIn): void {
  signedIn = user
}

type Published = Array<{
  policyId: string
  title: string
  units: Array<{ id: string; name: string }>
}>

/** The published policies the unit checkboxes are built from; none unless a test sets them. */
let published: Published = []

/** Publishes `policies` for the unit checkboxes, until the test ends. */
export function publish(policies: Published): void {
  published = policies
}

/** The answer to the unit catalogue's requests (`/api/policies…`), from {@link published}. */
function policiesAnswer(path: string): Response {
  const version = /^\/api\/policies\/([^/]+)\/versions\//.exec(path)
  if (!version)
    return json({
      policies: published.map((policy) => ({
        policyId: policy.policyId,
        title: policy.title,
        version: '1.0.0',
      })),
    })
  const policy = published.find((each) => each.policyId === decodeURIComponent(version[1]!))!
  return json({ config: { organizations: { units: policy.units } } })
}

/**
 * Answers the account requests in order, recording each method, path and body; the unit
 * catalogue's requests are answered apart and not recorded.
 */
export function server(...answers: Response[]) {
  const sent: { method: string; path: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string | URL, init: RequestInit = {}) => {
      if (String(path).startsWith('/api/policies')) return policiesAnswer(String(path))
      // Who is signed in (a system administrator unless a test says otherwise) and the regions
      // it reads: asked on every load.
      if (String(path) === '/api/auth/me') return json({ user: signedIn, csrfToken: 't' })
      if (String(path) === '/api/regions') return json({ regions: [] })
      sent.push({
        method: init.method ?? 'GET',
        path: String(path),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      })
      return answers.shift() ?? json({})
    }),
  )
  return sent
}

export async function mount(): Promise<ShadowRoot> {
  const page: LsUserAdmin = document.createElement('ls-user-admin')
  document.body.append(page)
  await vi.waitFor(() => expect(page.shadowRoot?.querySelector('tbody tr')).not.toBeNull())
  return page.shadowRoot!
}

/** The one-time password dialog's element, inside its own shadow root. */
export const secretOf = (root: ShadowRoot) => root.querySelector('ls-one-time-secret')!.shadowRoot!

export const $ = <T extends Element>(root: ShadowRoot, selector: string) =>
  root.querySelector<T>(selector)!

/** Clears the page, fetch, the signed-in account, the published policies and the stored locale. */
export function clearPage(): void {
  published = []
  signedIn = SYSTEM_ADMIN
  document.body.replaceChildren()
  vi.unstubAllGlobals()
  localStorage.clear()
}
