/**
 * @module Graceful stop for the HTTP server: stop accepting connections, let the requests in
 * flight finish (each answered with `Connection: close`, so no keep-alive connection carries a
 * new one), and after a bounded wait close whatever is left. The database must stay open until
 * {@link RequestDrain.drain} resolves: a request still running would otherwise answer
 * "driver has already been destroyed".
 */
import type { Server, ServerResponse } from 'node:http'

export interface RequestDrain {
  /** Requests received and not yet answered. */
  inFlight(): number
  /**
   * Stops accepting, waits up to `timeoutMs` for the requests in flight, then closes every
   * connection. Resolves with how many requests were cut off (0 when all were answered).
   */
  drain(timeoutMs: number): Promise<{ abandoned: number }>
}

/**
 * Tracks the server's requests from now on; call before it receives any.
 *
 * @example
 * const drain = trackRequests(server)
 * process.on('SIGTERM', async () => { await drain.drain(10_000); await db.destroy() })
 */
export function trackRequests(server: Server): RequestDrain {
  const open = new Set<ServerResponse>()
  let draining = false
  let settle: (() => void) | undefined

  const closeConnection = (response: ServerResponse) => {
    // RFC 9112 §9.6: a server that is closing says so on its last response.
    if (!response.headersSent) response.setHeader('connection', 'close')
  }

  server.prependListener('request', (_request, response: ServerResponse) => {
    open.add(response)
    if (draining) closeConnection(response)
    response.once('close', () => {
      open.delete(response)
      if (!draining) return
      server.closeIdleConnections()
      if (open.size === 0) settle?.()
    })
  })

  return {
    inFlight: () => open.size,
    async drain(timeoutMs) {
      draining = true
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      for (const response of open) closeConnection(response)
      if (open.size > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs)
          settle = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
      const abandoned = open.size
      server.closeAllConnections()
      await closed
      return { abandoned }
    },
  }
}
