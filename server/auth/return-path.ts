/**
 * @module The page a sign-on returns to: a page of the web app on this site only. Anything that
 * could take the browser elsewhere — `//host`, `/\host`, a scheme, control characters — is
 * refused, so `returnTo` cannot turn the sign-on into an open redirect; so is a path under
 * `/api/`, which would send a signed-in browser into another sign-on (a loop) or an API answer.
 */

/** A stand-in origin: a path resolved against it must stay on it. */
const HERE = 'http://luoshi.invalid'

/**
 * The value as a same-site path (path, query and hash), or undefined when it is not one.
 * @example sameSitePath('/#/inbox') // '/#/inbox'; sameSitePath('//evil.example') // undefined
 */
export function sameSitePath(value: string): string | undefined {
  // Browsers read `\` as `/` and drop tabs and newlines, so `/\evil` or `/\t/evil` would leave.
  if (!value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined
  if (value.startsWith('//')) return undefined
  let url: URL
  try {
    url = new URL(value, HERE)
  } catch {
    return undefined
  }
  if (url.origin !== HERE || url.pathname === '/api' || url.pathname.startsWith('/api/'))
    return undefined
  return `${url.pathname}${url.search}${url.hash}`
}

/**
 * The path with `name=value` added to its query (kept before its hash, which the web app routes
 * by).
 */
export function withQueryParameter(path: string, name: string, value: string): string {
  const url = new URL(path, HERE)
  url.searchParams.set(name, value)
  return `${url.pathname}${url.search}${url.hash}`
}
