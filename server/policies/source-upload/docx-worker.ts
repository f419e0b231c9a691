/** @module The docx worker: reads the text of one uploaded .docx per job, off the server's thread. */
import { serveJobs } from '../../workers/serve-jobs.ts'
import { extractDocxText } from './docx-text.ts'

serveJobs((bytes: Uint8Array) => extractDocxText(bytes))
