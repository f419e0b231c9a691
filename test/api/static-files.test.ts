/**
 * The web app's files as the server sends them: the compressed copy the browser accepts (brotli
 * first, then gzip, else the file itself), hashed assets cached for a year as immutable, and the
 * page that names them revalidated on every load — over a real web root on disk.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { createApp } from '../../server/app.ts'
import { IMMUTABLE, REVALIDATE } from '../../server/http/static-files.ts'
import { makeTestApp } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

const SCRIPT = `export const text = ${JSON.stringify('落实'.repeat(2000))}\n`
const PAGE =
  '<!doctype html><title>luoshi</title><script type="module" src="/assets/app-3f9a.js"></script>'

describe('the web app’s files, compressed and cached', () => {
  let t: TestApp
  let app: ReturnType<typeof createApp>

  beforeAll(async () => {
    t = await makeTestApp()
    const webRoot = mkdtempSync(join(tmpdir(), 'luoshi-web-'))
    mkdirSync(join(webRoot, 'assets'))
    const write = (name: string, text: string) => {
      writeFileSync(join(webRoot, name), text)
      writeFileSync(join(webRoot, `${name}.gz`), gzipSync(text))
      writeFileSync(join(webRoot, `${name}.br`), brotliCompressSync(text))
    }
    write('index.html', PAGE)
    write('assets/app-3f9a.js', SCRIPT)
    app = createApp(
      { db: t.db, reads: t.db, clock: t.clock, writes: t.writes, files: join(webRoot, 'files') },
      { webRoot },
    )
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  const get = (path: string, encoding?: string) =>
    app.request(path, encoding ? { headers: { 'accept-encoding': encoding } } : {})

  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, else the file', async () => {
    const br = await get('/assets/app-3f9a.js', 'gzip, deflate, br, zstd')
    expect(br.status).toBe(200)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toContain('Accept-Encoding')
    expect(br.headers.get('content-type')).toContain('javascript')
    const brBytes = Buffer.from(await br.arrayBuffer())
    expect(brotliDecompressSync(brBytes).toString()).toBe(SCRIPT)
    expect(brBytes.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4)

    const gz = await get('/assets/app-3f9a.js', 'gzip, deflate')
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT)

    const plain = await get('/assets/app-3f9a.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(SCRIPT)
  })

  it('caches hashed assets for a year as immutable, in every encoding', async () => {
    for (const encoding of ['br', 'gzip', undefined])
      expect((await get('/assets/app-3f9a.js', encoding)).headers.get('cache-control')).toBe(
        IMMUTABLE,
      )
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable')
  })

  it('has the page revalidated on every load, at / and at a client-side route, compressed too', async () => {
    for (const path of ['/', '/index.html', '/inbox']) {
      const page = await get(path, 'gzip, br')
      expect(page.status, path).toBe(200)
      expect(page.headers.get('cache-control'), path).toBe(REVALIDATE)
      expect(page.headers.get('content-encoding'), path).toBe('br')
      expect(brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString()).toBe(PAGE)
    }
    expect(REVALIDATE).toBe('no-cache')
  })

  it('never caches an API answer as an asset, nor a page sent for a missing script', async () => {
    const missing = await get('/api/no-such-route', 'br')
    expect(missing.headers.get('content-type')).toContain('application/json')
    expect(missing.headers.get('cache-control')).not.toBe(IMMUTABLE)
    const script = await get('/assets/missing-0000.js', 'br')
    expect(script.headers.get('content-type')).toContain('text/html')
    expect(script.headers.get('cache-control')).toBe(REVALIDATE)
  })
})
