/** `defineTaskKinds` checks the kinds where they are registered, as XState's `setup()` does. */
import { defineTaskKinds } from './task-kind.ts'

const plain = { duty: () => undefined }

describe('defineTaskKinds', () => {
  it('takes one kind per name a task row may carry', () => {
    const kinds = defineTaskKinds({
      responsibility: plain,
      procedure: plain,
      'indicator-entry': plain,
      rectification: plain,
    })
    expect(Object.keys(kinds)).toEqual([
      'responsibility',
      'procedure',
      'indicator-entry',
      'rectification',
    ])
  })

  it('refuses a missing kind, an unknown one and a kind without its duty', () => {
    // @ts-expect-error rectification is missing
    defineTaskKinds({ responsibility: plain, procedure: plain, 'indicator-entry': plain })
    // Each directive sits on the line the error is reported at, so it holds however the call wraps.
    defineTaskKinds({
      responsibility: plain,
      procedure: plain,
      'indicator-entry': plain,
      rectification: plain,
      // @ts-expect-error no task row carries the kind "extension"
      extension: plain,
    })
    defineTaskKinds({
      // @ts-expect-error a kind declares its duty
      responsibility: {},
      procedure: plain,
      'indicator-entry': plain,
      rectification: plain,
    })
    defineTaskKinds({
      // @ts-expect-error a hook takes what the runtime passes (a transaction, not a number)
      responsibility: { ...plain, submitted: async (trx: number) => void trx },
      procedure: plain,
      'indicator-entry': plain,
      rectification: plain,
    })
  })
})
