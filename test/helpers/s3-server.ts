/**
 * A real S3-compatible HTTP server for the tests: s3rver (from npm), in this process, on a port
 * the OS picks, keeping its objects in a temporary folder. The store under test talks to it over
 * HTTP with signed requests, as it would to MinIO or a cloud's object storage.
 *
 * s3rver checks the access key id but not Signature Version 4 itself (it accepts any v4
 * signature from a known key), so a wrong secret is not caught here; a wrong key id is.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { S3Options } from '../../server/attachments/s3-options.ts'

interface S3rverInstance {
  run(): Promise<AddressInfo>
  close(): Promise<void>
}
type S3rverClass = new (options: {
  address: string
  port: number
  silent: boolean
  directory: string
  configureBuckets: Array<{ name: string }>
}) => S3rverInstance

// s3rver is CommonJS without type declarations; the few members used are typed above.
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass

/** The key pair every s3rver knows. */
export const S3RVER_KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

export interface S3TestServer {
  /** Settings of the server's one bucket, as `LUOSHI_S3_*` would give them. */
  options: S3Options
  /** The same settings as environment variables, for a server process. */
  env: Record<string, string>
  /** Stops the server (its port then refuses connections) and removes its folder. */
  close(): Promise<void>
}

/** Starts a server with one empty bucket, `bucket`. */
export async function startS3Server(bucket = 'luoshi-attachments'): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'luoshi-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  let closed = false
  return {
    options: {
      endpoint: new URL(endpoint),
      bucket,
      region: 'us-east-1',
      ...S3RVER_KEY,
      // s3rver serves path-style addresses (no per-bucket host names on 127.0.0.1).
      forcePathStyle: true,
    },
    env: {
      LUOSHI_ATTACHMENTS: 's3',
      LUOSHI_S3_ENDPOINT: endpoint,
      LUOSHI_S3_BUCKET: bucket,
      LUOSHI_S3_ACCESS_KEY_ID: S3RVER_KEY.accessKeyId,
      LUOSHI_S3_SECRET_ACCESS_KEY: S3RVER_KEY.secretAccessKey,
      LUOSHI_S3_FORCE_PATH_STYLE: '1',
    },
    async close() {
      if (closed) return
      closed = true
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
