/**
 * The steps of a single sign-on as a browser takes them, over real HTTP with a
 * {@link CookieJarClient}: luoshi's start route to the provider's sign-in page, then the page's
 * form (sign in as an account, or cancel) and every redirect back into luoshi.
 */
import { expect } from 'vitest'
import type { CookieJarClient } from './cookie-jar-client.ts'

/** From luoshi's start route to the provider's sign-in page: the page's URL. */
export async function toProvider(
  browser: CookieJarClient,
  base: string,
  issuer: string,
  returnTo: string,
): Promise<string> {
  const visit = await browser.follow(
    `${base}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
  )
  expect(visit.response.status, await visit.response.clone().text()).toBe(200)
  expect(visit.url.startsWith(`${issuer}/interaction/`), visit.url).toBe(true)
  return visit.url
}

/**
 * Submits the provider's sign-in page (as `login`, or `abort` to cancel) and follows the
 * redirects back to luoshi: where luoshi sent the browser at the end (a page of the app, not
 * requested), and the callback URL the provider sent it to. With `stopAtCallback` the callback is
 * not requested either.
 */
export async function submitAtProvider(
  browser: CookieJarClient,
  base: string,
  page: string,
  action: { login: string } | 'abort',
  options: { stopAtCallback?: boolean } = {},
): Promise<{ landed: URL; callback: string }> {
  const visit = await browser.follow(
    `${page}/${action === 'abort' ? 'abort' : 'login'}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: action === 'abort' ? '' : new URLSearchParams({ account: action.login }).toString(),
    },
    (next) =>
      next.origin === base &&
      (options.stopAtCallback
        ? next.pathname.endsWith('/callback')
        : !next.pathname.startsWith('/api/')),
  )
  const callback = [...visit.visited, visit.url].find((url) =>
    url.includes('/api/auth/oidc/callback'),
  )
  expect(callback, visit.visited.join('\n')).toBeDefined()
  return { landed: new URL(visit.url), callback: callback! }
}

/** A URL's path, query and hash: where in the app a browser landed. */
export const pathOf = (url: URL) => `${url.pathname}${url.search}${url.hash}`
