/**
 * The fast pass reads the log in stretches, each on a thread of its own; joining them is where a
 * chain cut between two stretches must still show. These build each stretch's findings as a
 * thread reports them (no database): a chain is whole only when every stretch of it is, each
 * starts at the row after the last one's end, linked to its last hash, from row 1 at the genesis
 * hash to the head.
 */
import { joinStretches } from '../../server/audit/audit-chain-scan.ts'
import type { ChainExpectation, ChainStretch } from '../../server/audit/audit-chain-scan.ts'
import { GENESIS_HASH } from '../../server/audit/audit-hash.ts'
import { stretchesOf } from '../../server/audit/audit-scan-run.ts'

const hash = (n: number) => `h${n}`.padEnd(64, '0')

/** Rows `from` … `to` of `chain`, whole, as one thread found them. */
function stretch(chain: string, from: number, to: number, prev = hash(from - 1)): ChainStretch {
  return {
    chain,
    first: { seq: from, prev: from === 1 && prev === hash(0) ? GENESIS_HASH : prev },
    last: { seq: to, hash: hash(to) },
    rows: to - from + 1,
    off: false,
  }
}

const expect9: ChainExpectation = {
  chain: 'plan-a',
  head: { seq: 9, hash: hash(9) },
  checkpoints: [],
}

const parts = (...stretches: Array<ChainStretch[]>) =>
  stretches.map((found) => ({ stretches: found, unexpected: [] }))

describe('joining the stretches of the log', () => {
  it('finds a chain whole across three stretches, and across one that holds none of it', () => {
    const outcome = joinStretches(
      [expect9],
      parts([stretch('plan-a', 1, 3)], [], [stretch('plan-a', 4, 6)], [stretch('plan-a', 7, 9)]),
    )
    expect(outcome).toEqual({
      whole: [{ chain: 'plan-a', rows: 9, checkpointSeq: null }],
      walk: [],
    })
  })

  it('hands back a chain whose row between two stretches is missing', () => {
    const outcome = joinStretches(
      [expect9],
      parts([stretch('plan-a', 1, 3)], [stretch('plan-a', 5, 9, hash(3))]),
    )
    expect(outcome.walk).toEqual(['plan-a'])
  })

  it('hands back a chain whose next stretch links to another hash than the last one ended on', () => {
    const outcome = joinStretches(
      [expect9],
      parts([stretch('plan-a', 1, 3)], [stretch('plan-a', 4, 9, 'forged'.padEnd(64, '0'))]),
    )
    expect(outcome.walk).toEqual(['plan-a'])
  })

  it('hands back a chain that does not start at row 1 on the genesis hash, or ends short of its head', () => {
    const late = joinStretches([expect9], parts([stretch('plan-a', 2, 9)]))
    expect(late.walk).toEqual(['plan-a'])
    const short = joinStretches([expect9], parts([stretch('plan-a', 1, 8)]))
    expect(short.walk).toEqual(['plan-a'])
  })

  it('hands back a chain one stretch found off, and chains no one expected', () => {
    const off = { ...stretch('plan-a', 4, 6), off: true }
    const outcome = joinStretches(
      [expect9],
      [
        { stretches: [stretch('plan-a', 1, 3)], unexpected: ['plan-x'] },
        { stretches: [off, stretch('plan-a', 7, 9)], unexpected: ['plan-x'] },
      ],
    )
    expect(outcome.walk.sort()).toEqual(['plan-a', 'plan-x'])
  })

  it('cuts the log into stretches that leave no seq out, below the first row or past the last', () => {
    const cut = stretchesOf(24, 3)
    expect(cut.map((s) => [s.after, s.upTo])).toEqual([
      [Number.MIN_SAFE_INTEGER, 8],
      [8, 16],
      [16, Number.MAX_SAFE_INTEGER],
    ])
    // A log guessed empty still reads everything, in its last stretch.
    expect(stretchesOf(0, 2).at(-1)!.upTo).toBe(Number.MAX_SAFE_INTEGER)
  })
})
