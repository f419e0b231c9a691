/**
 * A CPU profile of another Node process, taken over its inspector (started with
 * `--inspect=127.0.0.1:0`) for as long as the caller wants: only the phase of load that is being
 * examined is sampled, and the process runs unprofiled the rest of the time.
 */
import type { Readable } from 'node:stream'
import type { Profile } from './cpu-stages.ts'

/** The inspector's WebSocket address, as the process prints it on its standard error. */
export function inspectorAddress(stderr: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => reject(new Error('no inspector address within 60 s')), 60_000)
    stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const match = /Debugger listening on (ws:\/\/\S+)/.exec(text)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
  })
}

/** Connects to the inspector at `address`; `start()` begins sampling, `stop()` returns the profile. */
export async function inspectorProfiler(address: string) {
  const socket = new WebSocket(address)
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener('error', () => reject(new Error(`cannot reach ${address}`)), {
      once: true,
    })
  })
  let next = 0
  const waiting = new Map<number, (result: unknown) => void>()
  socket.addEventListener('message', (message) => {
    const reply = JSON.parse(String(message.data)) as { id?: number; result?: unknown }
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result)
  })
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++next
      waiting.set(id, resolve)
      socket.send(JSON.stringify({ id, method, params }))
    })
  await send('Profiler.enable')
  // 100 µs between samples: enough for a request of a fraction of a millisecond.
  await send('Profiler.setSamplingInterval', { interval: 100 })
  return {
    start: () => send('Profiler.start'),
    async stop(): Promise<Profile> {
      const { profile } = (await send('Profiler.stop')) as { profile: Profile }
      socket.close()
      return profile
    },
  }
}
