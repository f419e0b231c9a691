/** @module The table worker: reads one uploaded .xlsx per job, off the server's thread. */
import { serveJobs } from '../../workers/serve-jobs.js'
import { parseTable } from './parse-table.js'
import type { TableJob } from './read-upload.js'

serveJobs((job: TableJob) => parseTable(job.bytes, job.hint, job.maxRows))
