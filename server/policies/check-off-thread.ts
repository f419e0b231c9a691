/**
 * @module Policy validation off the event loop. Parsing and checking a large text takes seconds
 * (a 2 MB config with 200,000 keys: 3–8 s), and on the server's thread it would hold up every
 * other request for as long. The HTTP routes validate in workers (two, kept warm: each compiles
 * the schema once); the CLI, the seeds and the tests call `check-policy.ts` directly.
 */
import { AppError } from '../errors.ts'
import { MAX_POLICY_BYTES } from '../../domain/compiler/validate-policy.ts'
import { utf8Length } from '../../domain/compiler/config-issue.ts'
import { WorkerPool } from '../workers/worker-pool.ts'
import type { JobOutcome } from '../workers/worker-pool.ts'
import type { PolicyCheck, PolicyValidation } from './check-policy.ts'

export type PolicyJob = { kind: 'validate' | 'publish'; yaml: string; sourceText: string | undefined }

/** The longest a validation may take before it is stopped. */
export const POLICY_CHECK_TIMEOUT_MS = 60_000

let pool: WorkerPool<PolicyJob, PolicyValidation | PolicyCheck> | undefined

function policyPool(): WorkerPool<PolicyJob, PolicyValidation | PolicyCheck> {
  pool ??= new WorkerPool({
    entry: new URL('./policy-worker.ts', import.meta.url),
    size: 2,
    timeoutMs: POLICY_CHECK_TIMEOUT_MS,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
    idleMs: 10 * 60_000,
  })
  return pool
}

/**
 * Validates a draft in a worker.
 * @throws AppError 413 for a text over the limit, 422 when the worker runs out of time or memory
 */
export async function validateDraftOffThread(yaml: string, sourceText: string | undefined): Promise<PolicyValidation> {
  refuseOversized(yaml)
  return settle(await policyPool().run({ kind: 'validate', yaml, sourceText }))
}

/** {@link checkForPublishing} in the worker. @throws as {@link validateDraftOffThread} */
export async function checkForPublishingOffThread(yaml: string, sourceText: string | undefined): Promise<PolicyCheck> {
  refuseOversized(yaml)
  return settle(await policyPool().run({ kind: 'publish', yaml, sourceText })) as PolicyCheck
}

/** The size check before any parsing, so an oversized text never reaches the parser. */
function refuseOversized(yaml: string): void {
  const bytes = utf8Length(yaml)
  if (bytes <= MAX_POLICY_BYTES) return
  const size = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`
  const message = {
    zh: `配置文本有 ${size(bytes)}，超过上限 ${size(MAX_POLICY_BYTES)}，未校验`,
    en: `The config text is ${size(bytes)}, over the ${size(MAX_POLICY_BYTES)} limit; it was not checked`,
  }
  throw new AppError(413, 'payload-too-large', message, { issues: [{ pointer: '/yaml', code: 'config-too-large', message }] })
}

function settle(outcome: JobOutcome<PolicyValidation | PolicyCheck>): PolicyValidation | PolicyCheck {
  if (outcome.ok) return outcome.value
  // A worker that fails otherwise is a fault of ours: a 500 with the request id.
  if (outcome.reason === 'failed') throw new Error(`policy worker: ${outcome.message}`)
  const message = {
    zh: outcome.reason === 'timeout' ? '配置过于复杂，校验超时，已停止；请把配置拆小' : '配置过大，校验所需内存超过上限，已停止；请把配置拆小',
    en: outcome.reason === 'timeout' ? 'The config is too complex: checking it ran out of time and was stopped; make it smaller' : 'The config is too large: checking it ran out of memory and was stopped; make it smaller',
  }
  throw new AppError(422, 'invalid-config', message, { issues: [{ pointer: '/yaml', code: outcome.reason, message }] })
}
