/**
 * @module The browser's API client: JSON over fetch with the session cookie, the CSRF token on
 * writes, and errors turned into {@link ApiError} with the server's `{ code, message, issues }`.
 */

export interface ApiIssue {
  pointer: string
  message: { zh: string; en: string }
  code?: string
  line?: number
  col?: number
  severity?: 'error' | 'warning'
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly text: { zh: string; en: string }
  readonly details: { issues?: ApiIssue[]; [key: string]: unknown }

  constructor(
    status: number,
    code: string,
    text: { zh: string; en: string },
    details: { issues?: ApiIssue[]; [key: string]: unknown } = {},
  ) {
    super(`${status} ${code}: ${text.en}`)
    this.status = status
    this.code = code
    this.text = text
    this.details = details
  }
}

let csrfToken: string | null = null

/** The CSRF token of the session (for requests the JSON client does not make, like uploads). */
export function getCsrfToken(): string | null {
  return csrfToken
}

/** Remembers the CSRF token returned by login or /api/auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  const json = text ? (JSON.parse(text) as unknown) : undefined
  if (!response.ok) {
    const error = (json as { error?: { code: string; message: { zh: string; en: string } } & Record<string, unknown> } | undefined)?.error
    const { code = 'error', message = { zh: '请求失败', en: 'Request failed' }, ...details } = error ?? {}
    throw new ApiError(response.status, code, message, details)
  }
  return json as T
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, headers),
}
