/** The bundled policy configs, found on disk so a new region is picked up by every golden test. */
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const POLICIES_DIR = fileURLToPath(new URL('../../policies/', import.meta.url))

/** The region folders under `policies/`. */
export function policyRegionFolders(): string[] {
  return readdirSync(POLICIES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** `policies/<region>/<policy>.yaml` paths, relative to the repository root. */
export function allPolicyFiles(): string[] {
  return policyRegionFolders()
    .flatMap((region) =>
      readdirSync(`${POLICIES_DIR}${region}`)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => `policies/${region}/${name}`),
    )
    .sort()
}
