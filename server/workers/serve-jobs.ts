/** @module The worker side of a {@link WorkerPool}: answers each job message with its result. */

/** The one message a worker sends per job. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; message: string }

/** Serves jobs: each message is one input, answered with `handle`'s value or its error. */
export function serveJobs<TInput, TOutput>(
  handle: (input: TInput) => TOutput | Promise<TOutput>,
): void {
  const send = process.send?.bind(process)
  if (!send) throw new Error('serveJobs() runs in a worker process started by WorkerPool')
  const answer = async (input: TInput): Promise<void> => {
    let reply: WorkerReply
    try {
      reply = { ok: true, value: await handle(input) }
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) }
    }
    send(reply)
  }
  // A job's failure is caught above and sent as its reply; nothing here waits for the listener.
  process.on('message', (input: TInput) => void answer(input))
  // The server went away (or stopped this worker's channel): nothing is left to answer.
  process.on('disconnect', () => process.exit(0))
}
