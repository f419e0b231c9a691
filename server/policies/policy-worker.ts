/** @module The policy worker: validates drafts and checks configs for publishing off the event loop. */
import { serveJobs } from '../workers/serve-jobs.js'
import { checkForPublishing, validateDraft } from './check-policy.js'
import type { PolicyJob } from './check-off-thread.js'

serveJobs((job: PolicyJob) => (job.kind === 'validate' ? validateDraft(job.yaml, job.sourceText) : checkForPublishing(job.yaml, job.sourceText)))
