/**
 * @module The browser's one way to the server: {@link client} is `hc<AppType>`, so every path,
 * path parameter, query, request body and response is typed by the server's own routes, and
 * {@link call} unwraps its answers. Every request goes through one fetch wrapper that sends the
 * session cookie, the CSRF token on writes, and turns an error answer into {@link ApiError} with
 * the server's `{ code, message, issues }`; a 401 (no session any more) also fires
 * `ls-session-end` on `window`. Uploads (a file as the body) take the same way.
 *
 * @example
 * ```ts
 * const task = await call(client.tasks[':id'].$get({ param: pathParams({ id }) }))
 * await call(client.tasks[':id'].events.$post({ param: pathParams({ id }), json: { type: 'SUBMIT' } }))
 * ```
 */
import { hc } from 'hono/client'
import type { ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import type { AppType } from '../server/app.ts'
import type { ApiIssue, ErrorEnvelope, LocalizedText } from '../schemas/api/error.schema.ts'
import type { LsSessionEndEvent } from './events/ls-session-end.ts'

export type { ApiIssue, LocalizedText }

/** What an error answer carries beside its code and message: `issues`, and a few codes' extras. */
export type ApiErrorDetails = { issues?: ApiIssue[]; [key: string]: unknown }

/** An error answer of the API (or a failed request), with the server's code, message and issues. */
export class ApiError extends Error {
  readonly status: number
  /** An {@link ErrorEnvelope} code, or `error` when the answer had none (a proxy's page). */
  readonly code: string
  readonly text: LocalizedText
  readonly details: ApiErrorDetails

  constructor(status: number, code: string, text: LocalizedText, details: ApiErrorDetails = {}) {
    super(`${status} ${code}: ${text.en}`)
    this.status = status
    this.code = code
    this.text = text
    this.details = details
  }
}

let csrfToken: string | null = null

/** The CSRF token of the session, if login or /api/auth/me has given one. */
export function getCsrfToken(): string | null {
  return csrfToken
}

/** Remembers the CSRF token returned by login or /api/auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/**
 * The one fetch wrapper: same-origin cookies, the CSRF token on writes, and a JSON body on every
 * write that has none (`{}`), as the API expects. Headers go on as a plain lower-case record.
 */
async function send(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers: Record<string, string> = {}
  new Headers(init.headers).forEach((value, name) => (headers[name] = value))
  let body = init.body
  if (method !== 'GET' && method !== 'HEAD' && (body === undefined || body === null)) {
    body = '{}'
    headers['content-type'] = 'application/json'
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  const response = await fetch(input, {
    ...init,
    method,
    credentials: 'same-origin',
    headers,
    ...(body !== undefined ? { body } : {}),
  })
  // No session (any more): whatever page asked, the shell shows the login form.
  if (response.status === 401 && typeof window !== 'undefined')
    window.dispatchEvent(new CustomEvent('ls-session-end') satisfies LsSessionEndEvent)
  return response
}

/** The typed client of `/api`: `client.plans[':id'].progress.$get({ param })`. */
export const client = hc<AppType>('/', { fetch: send }).api

/**
 * The headers of a raw file upload: its type, its name (`X-Filename`, percent-encoded) and the
 * CSRF token — asked of `/api/auth/me` when no login has given one yet, since a write without
 * it is refused.
 */
export async function uploadHeaders(file: File, type: string): Promise<Record<string, string>> {
  const token = csrfToken ?? (await call(client.auth.me.$get())).csrfToken
  return {
    'content-type': type,
    'x-filename': encodeURIComponent(file.name),
    'x-csrf-token': token,
  }
}

/**
 * Path parameters, each percent-encoded: `hc` puts them into the path as they are given, and an
 * id may hold any character.
 */
export function pathParams<T extends Record<string, string>>(params: T): T {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, encodeURIComponent(value)]),
  ) as T
}

/** The body of the successful answers a request can get. */
export type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, infer _F>
    ? S extends SuccessStatusCode
      ? T
      : never
    : never

/**
 * Awaits a request of {@link client} and returns its JSON body, typed by the route.
 * @param failed The message when an error answer carries none (a proxy's error page).
 * @throws {ApiError} for any error answer, with the server's code, message and details
 */
export async function call<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
  failed: LocalizedText = REQUEST_FAILED,
): Promise<SuccessBody<R>> {
  const response = await request
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch (error) {
    // A page that is not JSON (a proxy's error page) is a failed request, not a crash.
    if (response.ok) throw error
  }
  if (!response.ok) throw apiError(response.status, json, failed)
  return json as SuccessBody<R>
}

const REQUEST_FAILED: LocalizedText = { zh: '请求失败', en: 'Request failed' }

/** The {@link ApiError} for an error answer's status and parsed body. */
function apiError(status: number, json: unknown, failed: LocalizedText): ApiError {
  const error = (json as Partial<ErrorEnvelope> | undefined)?.error
  const { code = 'error', message = failed, ...details } = error ?? {}
  return new ApiError(status, code, message, details)
}
