import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from './create-db.ts'
import { withStartupLock } from './startup-lock.ts'

describe('the start-up lock on SQLite', () => {
  it('lets a second preparer in only after the first has finished, and again after a failure', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'luoshi-lock-'))
    const config = { kind: 'sqlite' as const, file: join(folder, 'luoshi.db') }
    const db = await createDb(config)
    const steps: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let entered!: () => void
    const firstIn = new Promise<void>((resolve) => (entered = resolve))
    const first = withStartupLock(config, db, async () => {
      steps.push('first in')
      entered()
      await held
      steps.push('first out')
    })
    await firstIn
    const second = withStartupLock(config, db, async () => {
      steps.push('second in')
    })
    // The second is still waiting while the first holds the lock.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(steps).toEqual(['first in'])
    release()
    await Promise.all([first, second])
    expect(steps).toEqual(['first in', 'first out', 'second in'])
    await expect(
      withStartupLock(config, db, async () => {
        throw new Error('migration failed')
      }),
    ).rejects.toThrow('migration failed')
    expect(await withStartupLock(config, db, async () => 'after')).toBe('after')
    await db.destroy()
    rmSync(folder, { recursive: true, force: true })
  })
})
