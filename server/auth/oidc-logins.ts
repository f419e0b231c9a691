/**
 * @module Pending single sign-ons (`oidc_login`): saved when the browser is sent to the identity
 * provider, taken — read and deleted in one transaction — when it comes back. Keyed by the
 * sha256 of `state`, so the table alone does not let anyone complete a sign-on; a state is taken
 * at most once, by whichever server process handles the return.
 */
import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../db/database.ts'

/** How long a sign-on may take between the redirect and the return. */
export const OIDC_LOGIN_MINUTES = 10

export interface PendingLogin {
  state: string
  nonce: string
  codeVerifier: string
  redirectUri: string
  returnTo: string
}

const digest = (state: string) => createHash('sha256').update(state).digest('hex')

const cutoff = (now: Date) => new Date(now.getTime() - OIDC_LOGIN_MINUTES * 60_000).toISOString()

/** Saves a sign-on about to start, and prunes the ones older than {@link OIDC_LOGIN_MINUTES}. */
export async function savePendingLogin(
  trx: Transaction<Database>,
  login: PendingLogin,
  now: Date,
): Promise<void> {
  await trx.deleteFrom('oidc_login').where('created_at', '<', cutoff(now)).execute()
  await trx
    .insertInto('oidc_login')
    .values({
      state_hash: digest(login.state),
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      redirect_uri: login.redirectUri,
      return_to: login.returnTo,
      created_at: now.toISOString(),
    })
    .execute()
}

export type TakenLogin = { found: true; expired: boolean; login: PendingLogin } | { found: false }

/**
 * Takes the sign-on `state` names: deletes its row and returns it, with whether it is older than
 * {@link OIDC_LOGIN_MINUTES}. Not found when it never existed or was already taken (a replay).
 */
export async function takePendingLogin(
  trx: Transaction<Database>,
  state: string,
  now: Date,
): Promise<TakenLogin> {
  const row = await trx
    .selectFrom('oidc_login')
    .selectAll()
    .where('state_hash', '=', digest(state))
    .executeTakeFirst()
  if (!row) return { found: false }
  const deleted = await trx
    .deleteFrom('oidc_login')
    .where('state_hash', '=', row.state_hash)
    .executeTakeFirst()
  // Another process took it between the read and the delete: it is theirs.
  if (Number(deleted.numDeletedRows) !== 1) return { found: false }
  return {
    found: true,
    expired: row.created_at < cutoff(now),
    login: {
      state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      redirectUri: row.redirect_uri,
      returnTo: row.return_to,
    },
  }
}
