/**
 * @module Runs heavy work — reading an uploaded workbook, validating a policy text — in worker
 * processes, so that a hostile input costs a worker and never the server: each worker has a heap
 * limit, each job a time limit, and a worker that exceeds either is stopped (the job gets an
 * outcome saying which) and replaced for the next job. Jobs wait in a queue for a free worker;
 * idle workers are unref'd, and stopped after a while.
 *
 * Processes, not worker threads: a thread that reaches its heap limit is meant to end alone, but
 * V8 can abort the whole process instead when the limit is hit inside one large allocation (seen
 * on Node 24 about once in six runs of `test/security/zip-bomb.test.ts`'s out-of-heap case). A
 * process's abort ends that process only. The worker's module is TypeScript; Node runs it as is.
 */
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { WorkerReply } from './serve-jobs.ts'

type Worker = ChildProcess

/** A worker's heap limits (as `worker_threads`' `resourceLimits` names them). */
export interface ResourceLimits {
  /** The old generation's size, in MB: most of the heap (`--max-old-space-size`). */
  maxOldGenerationSizeMb?: number
}

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
    await Promise.all(idle.map((worker) => stop(worker)))
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
    const heap = this.#options.resourceLimits?.maxOldGenerationSizeMb
    const worker = fork(fileURLToPath(this.#options.entry), [], {
      // Its own flags, not this process's (a test runner's loaders, an inspector port).
      execArgv: heap ? [`--max-old-space-size=${heap}`] : [],
      // Buffers and typed arrays cross as they are, not as JSON.
      serialization: 'advanced',
      // V8's report of a worker that ran out of heap is that worker's, not the server's log.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
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
        worker.channel?.unref()
        this.#idle.set(worker, setTimeout(() => void stop(worker), this.#options.idleMs).unref())
      } else {
        void stop(worker)
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
    const onError = (error: Error) =>
      finish({ ok: false, reason: 'failed', message: error.message }, false)
    // V8 aborts a process that reaches its heap limit: SIGABRT is the one way it runs out.
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(
        signal === 'SIGABRT'
          ? { ok: false, reason: 'out-of-memory', message: 'the worker ran out of heap' }
          : {
              ok: false,
              reason: 'failed',
              message: `the worker stopped (${signal ? `signal ${signal}` : `exit code ${code}`})`,
            },
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
    worker.channel?.ref()
    worker.send(job.input as Parameters<Worker['send']>[0])
  }
}

/** Stops a worker at once (a job still running in it is abandoned) and waits for its exit. */
function stop(worker: Worker): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    worker.once('exit', () => resolve())
    // An idle worker is unref'd; held again until it has exited, so the wait itself settles.
    worker.ref()
    worker.kill('SIGKILL')
  })
}
