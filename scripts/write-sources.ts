/**
 * Copies each region's source document from `../shared/seeds/` to `policies/<region>/source.txt`,
 * the text every `source.quote` is checked against.
 *
 * Pingnan's document is in traditional characters while configs are written in simplified
 * Chinese, so it is converted with OpenCC (traditional → mainland simplified). The conversion is
 * reproducible: `npm run sources` writes the same bytes, and a test checks that it does.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as OpenCC from 'opencc-js'

export const SEEDS_DIR = fileURLToPath(new URL('../../shared/seeds/', import.meta.url))
export const POLICIES_DIR = fileURLToPath(new URL('../policies/', import.meta.url))

export const SOURCES = [
  { region: 'pingnan', seed: 'pingnan-medical-alliance-plan-2018.txt', traditional: true },
  {
    region: 'meishan',
    seed: 'meishan-county-medical-community-insurance-plan-2020.txt',
    traditional: false,
  },
  { region: 'chongqing', seed: 'chongqing-urban-medical-group-reply-2024.txt', traditional: false },
] as const

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

/** The text `policies/<region>/source.txt` must hold for a seed document. */
export function sourceTextFor(entry: (typeof SOURCES)[number]): string {
  const seed = readFileSync(SEEDS_DIR + entry.seed, 'utf8')
  return entry.traditional ? toSimplified(seed) : seed
}

if (import.meta.main) {
  for (const entry of SOURCES) {
    writeFileSync(`${POLICIES_DIR}${entry.region}/source.txt`, sourceTextFor(entry))
    console.log(`wrote policies/${entry.region}/source.txt`)
  }
}
