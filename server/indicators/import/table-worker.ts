/** @module The table worker: reads one uploaded .xlsx per job, off the server's thread. */
import { serveJobs } from '../../workers/serve-jobs.ts'
import { parseTable } from './parse-table.ts'
import type { TableJob } from './read-upload.ts'

serveJobs((job: TableJob) => parseTable(job.bytes, job.hint, job.maxRows))
