/**
 * @module The few S3 calls luoshi makes (put, get, head and delete an object, list a prefix, check
 * the bucket), over `fetch` with requests signed by aws4fetch (Signature Version 4). Any
 * S3-compatible service answers them. Every call has a deadline, so a store that stops answering
 * fails a request instead of holding it for ever; a download's deadline covers only the wait for
 * its headers, so a large file streams at whatever pace the client reads.
 */
import { AwsClient } from 'aws4fetch'
import type { S3Options } from './s3-options.ts'

/** How long a call may wait for the store's answer (headers, for a download). */
export const S3_TIMEOUT_MS = 30_000

/** Tries after the first, on 5xx and 429: a few, not aws4fetch's ten, as a request waits on them. */
const RETRIES = 2

/** How much of an upload one piece of the request body views. */
const PIECE_BYTES = 256 * 1024

/** The bytes as a stream of views into them, without copying. */
function pieces(body: Uint8Array): ReadableStream<Uint8Array> {
  let start = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (start >= body.byteLength) return controller.close()
      controller.enqueue(body.subarray(start, start + PIECE_BYTES))
      start += PIECE_BYTES
    },
  })
}

/** An answer of the store that is not the one asked for, or no answer at all. */
export class S3Error extends Error {
  readonly operation: string
  /** The HTTP status, or 0 when the store could not be reached. */
  readonly status: number
  /** S3's error code (`NoSuchBucket`, `AccessDenied`, …) or the network error's. */
  readonly code: string

  constructor(operation: string, status: number, code: string, options?: ErrorOptions) {
    super(`S3 ${operation}: ${status || 'unreachable'} ${code}`, options)
    this.operation = operation
    this.status = status
    this.code = code
  }
}

/** An object of a listing. */
export interface S3Object {
  key: string
  size: number
  lastModified: Date
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
}
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!)
const tag = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? ''

export class S3Client {
  readonly #aws: AwsClient
  readonly #options: S3Options

  constructor(options: S3Options) {
    this.#options = options
    this.#aws = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      service: 's3',
      region: options.region,
      retries: 0,
    })
  }

  /** The bucket's address (path-style or virtual-hosted), ending in `/`. */
  bucketUrl(): string {
    const { endpoint, bucket, forcePathStyle } = this.#options
    const path = endpoint.pathname.replace(/\/+$/, '')
    return forcePathStyle
      ? `${endpoint.origin}${path}/${bucket}/`
      : `${endpoint.protocol}//${bucket}.${endpoint.host}${path}/`
  }

  #objectUrl(key: string): string {
    return this.bucketUrl() + key.split('/').map(encodeURIComponent).join('/')
  }

  /**
   * One call, retried a few times on 5xx and 429 (aws4fetch's own retries are off: a streamed
   * body is read once, so each try is given a new one by `body`).
   */
  async #call(
    operation: string,
    url: string,
    init: RequestInit = {},
    body?: () => ReadableStream<Uint8Array>,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let response: Response
      try {
        response = await this.#aws.fetch(url, {
          signal: AbortSignal.timeout(S3_TIMEOUT_MS),
          ...init,
          // `duplex` is what fetch needs to send a stream; the DOM typings do not list it yet.
          ...(body ? ({ body: body(), duplex: 'half' } as RequestInit) : {}),
        })
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code
        throw new S3Error(operation, 0, cause ?? (error as Error).message, { cause: error })
      }
      if (attempt === RETRIES || (response.status < 500 && response.status !== 429)) return response
      await response.body?.cancel()
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt))
    }
  }

  async #fail(operation: string, response: Response): Promise<never> {
    const text = await response.text().catch(() => '')
    throw new S3Error(operation, response.status, tag(text, 'Code') || response.statusText)
  }

  /**
   * Stores `body` at `key`; `sha256` (hex) is signed, so the store refuses a body altered on the
   * way. The body is sent as views of the upload's buffer (fetch would copy a whole typed array).
   */
  async put(key: string, body: Uint8Array, sha256: string): Promise<void> {
    const response = await this.#call(
      'PutObject',
      this.#objectUrl(key),
      {
        method: 'PUT',
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(body.byteLength),
          'x-amz-content-sha256': sha256,
        },
      },
      () => pieces(body),
    )
    if (!response.ok) await this.#fail('PutObject', response)
    await response.body?.cancel()
  }

  /** The object's bytes as they arrive, or undefined when there is no such object. */
  async get(key: string): Promise<ReadableStream<Uint8Array> | undefined> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), S3_TIMEOUT_MS)
    let response: Response
    try {
      response = await this.#call('GetObject', this.#objectUrl(key), {
        signal: controller.signal,
      })
    } finally {
      clearTimeout(timer)
    }
    if (response.status === 404) {
      await response.body?.cancel()
      return undefined
    }
    if (!response.ok || !response.body) return this.#fail('GetObject', response)
    return response.body
  }

  /** Whether an object is stored at `key`. */
  async has(key: string): Promise<boolean> {
    const response = await this.#call('HeadObject', this.#objectUrl(key), { method: 'HEAD' })
    if (response.status === 404) return false
    if (!response.ok) await this.#fail('HeadObject', response)
    return true
  }

  /** Removes the object at `key` (S3 answers success for a key that is not there). */
  async delete(key: string): Promise<void> {
    const response = await this.#call('DeleteObject', this.#objectUrl(key), { method: 'DELETE' })
    if (!response.ok && response.status !== 404) await this.#fail('DeleteObject', response)
    await response.body?.cancel()
  }

  /** Every object whose key starts with `prefix`, a page (up to 1,000) at a time. */
  async *list(prefix: string): AsyncGenerator<S3Object> {
    let token: string | undefined
    do {
      const query = new URLSearchParams({ 'list-type': '2', prefix })
      if (token) query.set('continuation-token', token)
      const response = await this.#call('ListObjectsV2', `${this.bucketUrl()}?${query}`)
      if (!response.ok) await this.#fail('ListObjectsV2', response)
      const xml = await response.text()
      for (const [, entry] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        yield {
          key: decode(tag(entry!, 'Key')),
          size: Number(tag(entry!, 'Size')),
          lastModified: new Date(tag(entry!, 'LastModified')),
        }
      }
      token = tag(xml, 'IsTruncated') === 'true' ? decode(tag(xml, 'NextContinuationToken')) : ''
    } while (token)
  }

  /** Checks that the bucket exists and these keys may use it (HeadBucket). */
  async checkBucket(): Promise<void> {
    const response = await this.#call('HeadBucket', this.bucketUrl(), { method: 'HEAD' })
    if (!response.ok) await this.#fail('HeadBucket', response)
  }
}
