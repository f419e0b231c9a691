/**
 * @module Loads policy configs from disk: reads the YAML and the source document beside it,
 * validates, and fingerprints the text so a published version is content-addressed.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { configIssue } from '../../domain/compiler/config-issue.ts'
import { validatePolicyText } from '../../domain/compiler/validate-policy.ts'
import type { ValidatePolicyResult } from '../../domain/compiler/validate-policy.ts'

export type LoadPolicyResult = ValidatePolicyResult & { file: string; hash?: string; text?: string }

/**
 * Reads and validates one config file. Never throws for bad input: an unreadable file is an
 * issue like any other.
 */
export function loadPolicyFile(path: string, options: { displayPath?: string } = {}): LoadPolicyResult {
  const file = options.displayPath ?? relative(process.cwd(), path)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      file,
      issues: [
        {
          ...configIssue('source-file-missing', '', {
            zh: `无法读取配置文件：${reason}`,
            en: `Cannot read the config file: ${reason}`,
          }),
          file,
        },
      ],
    }
  }
  const folder = dirname(resolve(path))
  const result = validatePolicyText(text, {
    file,
    readSource: (relativePath) => {
      const sourcePath = resolve(folder, relativePath)
      return existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8') : undefined
    },
  })
  return { ...result, file, text, hash: contentHash(text) }
}

/** The sha256 of a config's text: the identity of a published version. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
