/** @module The policy worker: validates drafts and checks configs for publishing off the event loop. */
import { serveJobs } from '../workers/serve-jobs.ts'
import { checkForPublishing, validateDraft } from './check-policy.ts'
import type { PolicyJob } from './check-off-thread.ts'

serveJobs((job: PolicyJob) => (job.kind === 'validate' ? validateDraft(job.yaml, job.sourceText) : checkForPublishing(job.yaml, job.sourceText)))
