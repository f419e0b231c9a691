/**
 * @module Where attachments are kept, read once at start from the environment, as
 * auth/oidc-options.ts reads single sign-on: `LUOSHI_ATTACHMENTS` is `database` (the default) or
 * `s3`, and with `s3` the `LUOSHI_S3_*` settings name the bucket. A setting that is missing or not
 * understood stops the start with a message naming the variable (Chinese first); the secret is
 * never repeated in it.
 */

/** The settings of an S3-compatible bucket (MinIO, Ceph, a cloud's object storage, AWS S3). */
export interface S3Options {
  /** The service's address, e.g. `https://minio.internal:9000` or `https://s3.cn-north-1.amazonaws.com.cn`. */
  endpoint: URL
  bucket: string
  /** The region requests are signed for; `us-east-1` unless set (what MinIO and Ceph expect). */
  region: string
  accessKeyId: string
  /** Never logged, never printed. */
  secretAccessKey: string
  /**
   * `https://endpoint/bucket/key` (path style, what MinIO and Ceph serve) instead of
   * `https://bucket.endpoint/key` (virtual-hosted style, what AWS and most clouds prefer). Path
   * style unless set for an endpoint given as an IP address or `localhost`.
   */
  forcePathStyle: boolean
}

export type AttachmentsConfig = { kind: 'database' } | { kind: 's3'; s3: S3Options }

export const DEFAULT_S3_REGION = 'us-east-1'

/** Bucket names as S3 accepts them: 3–63 of lower-case letters, digits, dots and hyphens. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/** An error that stops the start: `<variable> …（zh） / <variable> … (en)`. */
function bad(name: string, zh: string, en: string): Error {
  return new Error(`${name} ${zh} / ${name} ${en}`)
}

/**
 * The attachment store the environment asks for.
 * @throws Error naming the variable when a setting is missing or not understood
 */
export function attachmentsFromEnv(env: NodeJS.ProcessEnv = process.env): AttachmentsConfig {
  const value = (name: string) => env[name]?.trim() ?? ''
  const kind = (value('LUOSHI_ATTACHMENTS') || 'database').toLowerCase()
  const s3Names = Object.keys(env).filter((name) => name.startsWith('LUOSHI_S3_') && value(name))
  if (kind === 'database') {
    // A bucket configured but not chosen would silently keep files in the database.
    if (s3Names.length)
      throw bad(
        'LUOSHI_ATTACHMENTS',
        `未设为 s3，但设置了 ${s3Names.join('、')}：要把附件存到 S3 兼容存储，请设 LUOSHI_ATTACHMENTS=s3；否则删去这些设置`,
        `is not s3, yet ${s3Names.join(', ')} are set: set LUOSHI_ATTACHMENTS=s3 to keep attachments in an S3-compatible store, or remove them`,
      )
    return { kind: 'database' }
  }
  if (kind !== 's3')
    throw bad(
      'LUOSHI_ATTACHMENTS',
      `须为 database 或 s3，而不是「${kind}」`,
      `must be database or s3, not "${kind}"`,
    )
  const required = (name: string) => {
    const text = value(name)
    if (!text)
      throw bad(
        name,
        '未设置：LUOSHI_ATTACHMENTS=s3 时必填',
        'is required with LUOSHI_ATTACHMENTS=s3',
      )
    return text
  }
  const endpointText = required('LUOSHI_S3_ENDPOINT')
  let endpoint: URL | undefined
  try {
    endpoint = new URL(endpointText)
  } catch {
    // Reported below with the variable's name.
  }
  if (!endpoint || (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:'))
    throw bad(
      'LUOSHI_S3_ENDPOINT',
      `须为 http(s):// 开头的完整地址，而不是「${endpointText}」`,
      `must be an absolute http(s) URL, not "${endpointText}"`,
    )
  if (endpoint.search || endpoint.hash || endpoint.username || endpoint.password)
    throw bad(
      'LUOSHI_S3_ENDPOINT',
      '只写服务地址，不带查询参数、片段或账号密码（密钥放在 LUOSHI_S3_ACCESS_KEY_ID / LUOSHI_S3_SECRET_ACCESS_KEY）',
      'is the service address only: no query, fragment or credentials (keys go in LUOSHI_S3_ACCESS_KEY_ID / LUOSHI_S3_SECRET_ACCESS_KEY)',
    )
  const bucket = required('LUOSHI_S3_BUCKET')
  if (!BUCKET.test(bucket) || bucket.includes('..'))
    throw bad(
      'LUOSHI_S3_BUCKET',
      `「${bucket}」不是有效的存储桶名：须为 3–63 个小写字母、数字、点或连字符`,
      `"${bucket}" is not a valid bucket name: 3–63 lower-case letters, digits, dots or hyphens`,
    )
  // An address has no sub-domains for virtual-hosted buckets: path style, unless told otherwise.
  const literalHost = /^(\d+\.){3}\d+$|^\[.*\]$|^localhost$/.test(endpoint.hostname)
  const pathStyle = value('LUOSHI_S3_FORCE_PATH_STYLE') || (literalHost ? '1' : '0')
  if (pathStyle !== '0' && pathStyle !== '1')
    throw bad(
      'LUOSHI_S3_FORCE_PATH_STYLE',
      `须为 1（路径式地址，MinIO、Ceph 常用）或 0（虚拟主机式地址），而不是「${pathStyle}」`,
      `must be 1 (path-style addresses, as MinIO and Ceph serve) or 0 (virtual-hosted), not "${pathStyle}"`,
    )
  if (pathStyle === '0' && literalHost)
    throw bad(
      'LUOSHI_S3_FORCE_PATH_STYLE',
      `为 0 时存储桶须以子域名访问，而 ${endpoint.hostname} 没有子域名：请设为 1`,
      `is 0, which reaches the bucket as a sub-domain, and ${endpoint.hostname} has none: set it to 1`,
    )
  return {
    kind: 's3',
    s3: {
      endpoint,
      bucket,
      region: value('LUOSHI_S3_REGION') || DEFAULT_S3_REGION,
      accessKeyId: required('LUOSHI_S3_ACCESS_KEY_ID'),
      secretAccessKey: required('LUOSHI_S3_SECRET_ACCESS_KEY'),
      forcePathStyle: pathStyle === '1',
    },
  }
}
