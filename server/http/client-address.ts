/**
 * @module Where a request came from, and whether over HTTPS. The socket is the truth; the
 * `X-Forwarded-*` headers are anyone's to write, so they count only when the operator says a
 * proxy in front sets them (`LUOSHI_TRUST_PROXY`).
 */
import type { Context } from 'hono'
import type { IncomingMessage } from 'node:http'
import type { AppEnv } from './env.ts'
import { securityOf } from './security-options.ts'

/** The socket's peer, as @hono/node-server passes it in `c.env.incoming`. */
function socketAddress(c: Context<AppEnv>): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  return incoming?.socket?.remoteAddress
}

/**
 * The client's address: the socket's peer, or — behind `trustProxy` proxies — the address the
 * outermost trusted proxy saw, counted from the right of `X-Forwarded-For` (each proxy appends
 * its peer, so entries further left were written by the client and prove nothing).
 */
export function clientAddress(c: Context<AppEnv>): string {
  const { trustProxy } = securityOf(c.get('deps'))
  if (trustProxy > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    const seen = hops[hops.length - trustProxy] ?? hops[0]
    if (seen) return seen
  }
  return socketAddress(c) ?? 'unknown'
}

/** Whether the client reached us over HTTPS (through a trusted proxy's `X-Forwarded-Proto`). */
export function isHttps(c: Context<AppEnv>): boolean {
  if (securityOf(c.get('deps')).trustProxy > 0) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
    if (proto) return proto === 'https'
  }
  const incoming = (
    c.env as { incoming?: IncomingMessage & { socket: { encrypted?: boolean } } } | undefined
  )?.incoming
  if (incoming) return incoming.socket?.encrypted === true
  return new URL(c.req.url).protocol === 'https:'
}
