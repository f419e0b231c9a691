import { describe, expect, it } from 'vitest'
import { LatestOnly } from './latest-only.ts'

describe('LatestOnly', () => {
  it('keeps only the newest load current, whatever order the answers arrive in', async () => {
    const latest = new LatestOnly()
    const shown: string[] = []
    const load = async (name: string, ms: number) => {
      const current = latest.begin()
      await new Promise((resolve) => setTimeout(resolve, ms))
      if (current()) shown.push(name)
    }
    await Promise.all([load('slow first', 30), load('quick second', 1)])
    expect(shown).toEqual(['quick second'])
  })

  it('lets a load that nothing overtook land', async () => {
    const latest = new LatestOnly()
    const current = latest.begin()
    await Promise.resolve()
    expect(current()).toBe(true)
    latest.begin()
    expect(current()).toBe(false)
  })
})
