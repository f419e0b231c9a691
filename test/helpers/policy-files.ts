/**
 * The policy configs of a policies folder, found on disk so a new region is picked up by every
 * golden test. Without a folder, the bundled `policies/`.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const POLICIES_DIR = fileURLToPath(new URL('../../policies/', import.meta.url))

/** The region folders under a policies folder. */
export function policyRegionFolders(dir: string = POLICIES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/**
 * `<region>/<policy>.yaml` paths: for the bundled folder relative to the repository root
 * (`policies/pingnan/….yaml`, as test names show them), for another folder under it.
 */
export function allPolicyFiles(dir?: string): string[] {
  const root = dir ?? POLICIES_DIR
  return policyRegionFolders(root)
    .flatMap((region) =>
      readdirSync(join(root, region))
        .filter((name) => name.endsWith('.yaml'))
        .map((name) =>
          dir === undefined ? `policies/${region}/${name}` : join(dir, region, name),
        ),
    )
    .sort()
}

/** The region folder a policy file stands in. */
export function regionOf(file: string): string {
  return file.split('/').at(-2)!
}
