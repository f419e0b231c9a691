/** @module The worker side of a {@link WorkerPool}: answers each job message with its result. */
import { parentPort } from 'node:worker_threads'

/** The one message a worker sends per job. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; message: string }

/** Serves jobs: each message is one input, answered with `handle`'s value or its error. */
export function serveJobs<TInput, TOutput>(
  handle: (input: TInput) => TOutput | Promise<TOutput>,
): void {
  const port = parentPort
  if (!port) throw new Error('serveJobs() runs in a worker thread')
  const answer = async (input: TInput): Promise<void> => {
    let reply: WorkerReply
    try {
      reply = { ok: true, value: await handle(input) }
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) }
    }
    port.postMessage(reply)
  }
  // The port does not wait for a listener; a job's failure is caught above and sent as its reply.
  port.on('message', (input: TInput) => void answer(input))
}
