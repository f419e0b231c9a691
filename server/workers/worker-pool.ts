/**
 * @module Runs heavy work — reading an uploaded workbook, validating a policy text — in worker
 * threads, so that a hostile input costs a worker and never the server: each worker has a heap
 * limit, each job a time limit, and a worker that exceeds either is terminated (the job gets an
 * outcome saying which) and replaced for the next job. Jobs wait in a queue for a free worker;
 * idle workers are unref'd, and stopped after a while.
 *
 * The worker's module is TypeScript like the rest of the code base; Node runs it as it is.
 */
import { Worker } from 'node:worker_threads'
import type { ResourceLimits } from 'node:worker_threads'
import type { WorkerReply } from './serve-jobs.ts'

/** What became of a job: its value, or why there is none. */
export type JobOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'timeout' | 'out-of-memory' | 'failed'; message: string }

export interface WorkerPoolOptions {
  /** The worker's module; it calls `serveJobs()`. */
  entry: URL
  /** Workers running at most (default 1); further jobs wait. */
  size?: number
  /** A job still running after this long is stopped with its worker. */
  timeoutMs: number
  /** The heap limits of each worker (`maxOldGenerationSizeMb` above all). */
  resourceLimits?: ResourceLimits
  /** An idle worker is stopped after this long (default 60 s). */
  idleMs?: number
}

interface Job {
  input: unknown
  resolve: (outcome: JobOutcome<unknown>) => void
}

/**
 * A pool of workers running one module's jobs, one job per worker at a time.
 * @example
 * const pool = new WorkerPool<Input, Output>({ entry: new URL('./my-worker.ts', import.meta.url), timeoutMs: 30_000 })
 * const outcome = await pool.run(input)
 * if (!outcome.ok && outcome.reason === 'timeout') …
 */
export class WorkerPool<TInput, TOutput> {
  readonly #options: Required<Omit<WorkerPoolOptions, 'resourceLimits'>> & {
    resourceLimits?: ResourceLimits
  }
  readonly #queue: Job[] = []
  readonly #idle = new Map<Worker, NodeJS.Timeout>()
  #live = 0

  constructor(options: WorkerPoolOptions) {
    this.#options = { size: 1, idleMs: 60_000, ...options }
  }

  /** Runs one job; never rejects. */
  run(input: TInput): Promise<JobOutcome<TOutput>> {
    return new Promise((resolve) => {
      this.#queue.push({ input, resolve: resolve as Job['resolve'] })
      this.#dispatch()
    })
  }

  /** Stops every idle worker (running jobs finish first; their workers stop when idle). */
  async close(): Promise<void> {
    const idle = [...this.#idle.keys()]
    await Promise.all(idle.map((worker) => worker.terminate()))
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let worker: Worker | undefined = this.#idle.keys().next().value
      if (worker) {
        clearTimeout(this.#idle.get(worker))
        this.#idle.delete(worker)
      } else if (this.#live < this.#options.size) {
        worker = this.#spawn()
      } else {
        return
      }
      this.#start(worker, this.#queue.shift()!)
    }
  }

  #spawn(): Worker {
    const worker = new Worker(this.#options.entry, {
      ...(this.#options.resourceLimits ? { resourceLimits: this.#options.resourceLimits } : {}),
    })
    this.#live++
    worker.once('exit', () => {
      this.#live--
      clearTimeout(this.#idle.get(worker))
      this.#idle.delete(worker)
      this.#dispatch()
    })
    // An idle worker's late failure has no job to report to; its exit replaces it.
    worker.on('error', () => undefined)
    return worker
  }

  #start(worker: Worker, job: Job): void {
    let settled = false
    const finish = (outcome: JobOutcome<unknown>, keep: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      if (keep) {
        worker.unref()
        this.#idle.set(
          worker,
          setTimeout(() => void worker.terminate(), this.#options.idleMs).unref(),
        )
      } else {
        void worker.terminate()
      }
      job.resolve(outcome)
      this.#dispatch()
    }
    const onMessage = (reply: WorkerReply) =>
      finish(
        reply.ok
          ? { ok: true, value: reply.value }
          : { ok: false, reason: 'failed', message: reply.message },
        true,
      )
    const onError = (error: Error & { code?: string }) =>
      finish(
        {
          ok: false,
          reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'failed',
          message: error.message,
        },
        false,
      )
    const onExit = (code: number) =>
      finish(
        { ok: false, reason: 'failed', message: `the worker stopped (exit code ${code})` },
        false,
      )
    const timer = setTimeout(
      () =>
        finish(
          {
            ok: false,
            reason: 'timeout',
            message: `the job ran over ${this.#options.timeoutMs} ms`,
          },
          false,
        ),
      this.#options.timeoutMs,
    )
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
    worker.ref()
    worker.postMessage(job.input)
  }
}
