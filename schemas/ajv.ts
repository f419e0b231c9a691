/**
 * @module The one Ajv setup used on the server and in the browser, and the compiled policy
 * validator. Nothing here touches Node APIs.
 */
import { Ajv } from 'ajv'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { policySchema } from './policy/index.js'
import type { PolicyConfig } from './policy/index.js'

/**
 * A new Ajv instance with luoshi's options: every error collected (`allErrors`), `discriminator`
 * so a tagged union reports only the branch its `kind` names, and the standard formats.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    discriminator: true,
    strict: true,
    strictTypes: false,
    // verbose adds the failing schema and data to each error, which the messages quote
    verbose: true,
  })
  addFormats.default(ajv)
  // An uploaded file's id (POST /api/attachments): forms use it for evidence (佐证材料).
  ajv.addFormat('attachment-id', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  return ajv
}

let compiled: ValidateFunction<PolicyConfig> | undefined

/** The compiled validator for policy configs (compiled once, on first use). */
export function policyValidator(): ValidateFunction<PolicyConfig> {
  compiled ??= createAjv().compile<PolicyConfig>(policySchema)
  return compiled
}
