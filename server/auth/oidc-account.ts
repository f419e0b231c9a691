/**
 * @module Which luoshi account a single sign-on names: the configured claim compared with the
 * configured column (username or email), without regard to case. Nobody is created here: a
 * person whose claim names no account is refused until an administrator creates it, and a
 * deactivated account is refused as well.
 */
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { OidcLoginError } from '../../schemas/api/sign-in.schema.ts'
import type { Database } from '../db/database.ts'
import type { OidcOptions } from './oidc-options.ts'

export type AccountMatch = { ok: true; userId: string } | { ok: false; error: OidcLoginError }

/** The one active account the claims name, or why there is none. */
export async function accountForClaims(
  db: Kysely<Database>,
  options: Pick<OidcOptions, 'claim' | 'match'>,
  claims: Record<string, unknown>,
): Promise<AccountMatch> {
  const value = claims[options.claim]
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : ''
  if (!text) return { ok: false, error: 'sso-no-account' }
  // An address the provider says it has not verified proves nothing about who holds it.
  if (options.claim === 'email' && claims.email_verified === false)
    return { ok: false, error: 'sso-no-account' }
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'active'])
    .where(sql<string>`lower(${sql.ref(options.match)})`, '=', text.toLowerCase())
    .limit(2)
    .execute()
  const [row, other] = rows
  if (!row) return { ok: false, error: 'sso-no-account' }
  if (other) return { ok: false, error: 'sso-ambiguous' }
  if (row.active !== 1) return { ok: false, error: 'sso-inactive' }
  return { ok: true, userId: row.id }
}
