/**
 * @module Serves the app over Node's HTTP server with what a production server needs around it:
 * JSON answers for requests the parser refuses (client-error.ts) and request tracking for a
 * graceful stop (drain-server.ts). `main.ts` and the tests that need a real socket both use it.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { answerClientErrors } from './client-error.ts'
import { trackRequests } from './drain-server.ts'
import type { RequestDrain } from './drain-server.ts'

export interface Listening {
  server: Server
  requests: RequestDrain
  /** Resolves with the bound address once the server listens; rejects if it cannot (a port in use). */
  address: Promise<AddressInfo>
}

/** Starts serving `fetch` on `hostname:port` (port 0: one the OS picks). */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; hostname: string },
): Listening {
  let bound!: (info: AddressInfo) => void
  let failed!: (error: Error) => void
  const address = new Promise<AddressInfo>((resolve, reject) => {
    bound = resolve
    failed = reject
  })
  // Node's own limit on the header section (16 KB) stays; client-error.ts answers it as JSON.
  const server = serve({ fetch, port: options.port, hostname: options.hostname }, (info) =>
    bound(info),
  ) as Server
  server.once('error', (error) => failed(error))
  answerClientErrors(server)
  return { server, requests: trackRequests(server), address }
}
