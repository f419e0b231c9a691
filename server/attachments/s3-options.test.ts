import { attachmentsFromEnv, DEFAULT_S3_REGION } from './s3-options.ts'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const S3 = {
  LUOSHI_ATTACHMENTS: 's3',
  LUOSHI_S3_ENDPOINT: 'https://minio.internal:9000',
  LUOSHI_S3_BUCKET: 'luoshi-attachments',
  LUOSHI_S3_ACCESS_KEY_ID: 'luoshi',
  LUOSHI_S3_SECRET_ACCESS_KEY: SECRET,
}

/** The message a configuration is refused with. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    attachmentsFromEnv(env)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('accepted')
}

describe('attachmentsFromEnv', () => {
  it('keeps attachments in the database when nothing is set', () => {
    expect(attachmentsFromEnv({})).toEqual({ kind: 'database' })
    expect(attachmentsFromEnv({ LUOSHI_ATTACHMENTS: 'database' })).toEqual({ kind: 'database' })
  })

  it('reads a bucket, with the region us-east-1 and virtual-hosted addresses unless set', () => {
    expect(attachmentsFromEnv(S3)).toEqual({
      kind: 's3',
      s3: {
        endpoint: new URL('https://minio.internal:9000'),
        bucket: 'luoshi-attachments',
        region: DEFAULT_S3_REGION,
        accessKeyId: 'luoshi',
        secretAccessKey: SECRET,
        forcePathStyle: false,
      },
    })
    const set = attachmentsFromEnv({
      ...S3,
      LUOSHI_S3_REGION: 'cn-north-1',
      LUOSHI_S3_FORCE_PATH_STYLE: '1',
    })
    expect(set.kind === 's3' && [set.s3.region, set.s3.forcePathStyle]).toEqual([
      'cn-north-1',
      true,
    ])
  })

  it('uses path-style addresses for an endpoint given as an IP address or localhost, and takes S3 in any case', () => {
    for (const endpoint of ['http://10.0.0.5:9000', 'http://localhost:9000', 'http://[::1]:9000']) {
      const config = attachmentsFromEnv({
        ...S3,
        LUOSHI_ATTACHMENTS: 'S3',
        LUOSHI_S3_ENDPOINT: endpoint,
      })
      expect(config.kind === 's3' && config.s3.forcePathStyle, endpoint).toBe(true)
    }
  })

  it.each([
    [{ ...S3, LUOSHI_ATTACHMENTS: 'disk' }, 'LUOSHI_ATTACHMENTS'],
    [{ LUOSHI_S3_BUCKET: 'luoshi-attachments' }, 'LUOSHI_ATTACHMENTS'],
    [{ ...S3, LUOSHI_S3_ENDPOINT: '' }, 'LUOSHI_S3_ENDPOINT'],
    [{ ...S3, LUOSHI_S3_ENDPOINT: 'minio.internal:9000' }, 'LUOSHI_S3_ENDPOINT'],
    [{ ...S3, LUOSHI_S3_ENDPOINT: 'ftp://minio.internal' }, 'LUOSHI_S3_ENDPOINT'],
    [{ ...S3, LUOSHI_S3_ENDPOINT: 'https://key:secret@minio.internal' }, 'LUOSHI_S3_ENDPOINT'],
    [{ ...S3, LUOSHI_S3_BUCKET: '' }, 'LUOSHI_S3_BUCKET'],
    [{ ...S3, LUOSHI_S3_BUCKET: 'Luoshi_Files' }, 'LUOSHI_S3_BUCKET'],
    [{ ...S3, LUOSHI_S3_ACCESS_KEY_ID: ' ' }, 'LUOSHI_S3_ACCESS_KEY_ID'],
    [{ ...S3, LUOSHI_S3_SECRET_ACCESS_KEY: '' }, 'LUOSHI_S3_SECRET_ACCESS_KEY'],
    [{ ...S3, LUOSHI_S3_FORCE_PATH_STYLE: 'yes' }, 'LUOSHI_S3_FORCE_PATH_STYLE'],
    [
      { ...S3, LUOSHI_S3_ENDPOINT: 'http://10.0.0.5:9000', LUOSHI_S3_FORCE_PATH_STYLE: '0' },
      'LUOSHI_S3_FORCE_PATH_STYLE',
    ],
  ])('refuses %o naming %s, in Chinese first, without the secret', (env, variable) => {
    const message = refusal(env)
    expect(message.startsWith(variable)).toBe(true)
    // `<variable> <zh> / <variable> <en>`
    const split = message.lastIndexOf(` / ${variable} `)
    expect(split).toBeGreaterThan(0)
    expect(message.slice(0, split)).toMatch(/[\u4e00-\u9fff]/)
    expect(message.slice(split)).not.toMatch(/[\u4e00-\u9fff]/)
    expect(message).not.toContain(SECRET)
  })
})
