/**
 * A minimal browser over real HTTP for sign-on tests: a cookie jar per origin (host and port, so
 * two servers on one loopback address keep their cookies apart), redirects followed one by one,
 * and every URL visited kept, so a test can replay or cut short a step of the flow.
 */
export interface Visit {
  response: Response
  /** The URL of `response`. */
  url: string
  /** Every URL requested, in order. */
  visited: string[]
}

export class CookieJarClient {
  readonly #jar = new Map<string, Map<string, string>>()

  /** The cookie's value for an origin, if the jar holds it. */
  cookie(origin: string, name: string): string | undefined {
    return this.#jar.get(origin)?.get(name)
  }

  /** Puts a cookie into the jar, as a browser that had received it would hold it. */
  setCookie(origin: string, name: string, value: string): void {
    const cookies = this.#jar.get(origin) ?? new Map<string, string>()
    cookies.set(name, value)
    this.#jar.set(origin, cookies)
  }

  /** One request, with the jar's cookies for its origin; stores the cookies it sets. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin
    const cookies = [...(this.#jar.get(origin) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ')
    const headers = new Headers(init.headers)
    if (cookies) headers.set('cookie', cookies)
    const response = await fetch(url, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) this.#store(origin, line)
    return response
  }

  /**
   * Requests `url` and follows its redirects (GET after the first) until an answer that is not a
   * redirect, or until `stopBefore` says the next URL is not to be requested (it is then `url`).
   */
  async follow(
    url: string,
    init: RequestInit = {},
    stopBefore: (next: URL) => boolean = () => false,
  ): Promise<Visit> {
    const visited = [url]
    let response = await this.request(url, init)
    let current = url
    while (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', current)
      if (stopBefore(next)) return { response, url: next.href, visited }
      current = next.href
      visited.push(current)
      await response.body?.cancel()
      response = await this.request(current)
    }
    return { response, url: current, visited }
  }

  #store(origin: string, line: string): void {
    const [pair = '', ...attributes] = line.split(';')
    const equals = pair.indexOf('=')
    const name = pair.slice(0, equals).trim()
    const value = pair.slice(equals + 1).trim()
    const cookies = this.#jar.get(origin) ?? new Map<string, string>()
    this.#jar.set(origin, cookies)
    const expired = attributes.some((attribute) => {
      const [key = '', setting = ''] = attribute.split('=').map((part) => part.trim())
      if (key.toLowerCase() === 'max-age') return Number(setting) <= 0
      if (key.toLowerCase() === 'expires') return new Date(setting).getTime() <= Date.now()
      return false
    })
    if (expired || value === '') cookies.delete(name)
    else cookies.set(name, value)
  }
}
