/**
 * @module Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps
 * only its sha256, with a CSRF token that every write must echo in `X-CSRF-Token`. A session ends
 * after {@link SESSION_HOURS}, or sooner when unused for the idle time; its last use is written at
 * most once a {@link TOUCH_INTERVAL_MS}, not on every request.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import type { Kysely, Transaction } from 'kysely'
import { preparedQuery } from '../db/prepared-query.ts'
import type { Database } from '../db/database.ts'
import { isHttps } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'

/** The cookie over plain HTTP (a local or development server). */
export const SESSION_COOKIE = 'luoshi_session'
/**
 * The cookie over HTTPS. The `__Host-` prefix makes browsers accept it only with `Secure`,
 * `Path=/` and no `Domain`, so neither a sibling subdomain nor a plain-HTTP page can plant one.
 */
export const SECURE_SESSION_COOKIE = '__Host-luoshi_session'
export const SESSION_HOURS = 12
/** How often a session's last use is written at most. */
export const TOUCH_INTERVAL_MS = 60_000

/** The cookie name and attributes for this request's scheme. */
export function sessionCookie(c: Context<AppEnv>): { name: string; secure: boolean } {
  const secure = isHttps(c)
  return { name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, secure }
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

/** How a session was opened: a password login, or single sign-on (auth/oidc-routes.ts). */
export type SessionMethod = 'password' | 'oidc'

export async function createSession(
  trx: Transaction<Database>,
  userId: string,
  now: Date,
  method: SessionMethod = 'password',
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString()
  await trx
    .insertInto('session')
    .values({
      id: digest(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
      last_seen_at: now.toISOString(),
      method,
    })
    .execute()
  return { token, csrfToken, expiresAt }
}

export interface LiveSession {
  id: string
  userId: string
  csrfToken: string
  method: SessionMethod
  /** Whether the last use should be written now (it is over a minute old). */
  touch: boolean
  /** The access epoch read with the session: while it stands, the account's access is unchanged. */
  accessEpoch: number
}

/** A session row, with the access epoch (auth/current-user-cache.ts) read in the same statement. */
const sessionWithEpoch = preparedQuery((db, id: string) =>
  db
    .selectFrom('session')
    .select([
      'id',
      'user_id',
      'csrf_token',
      'created_at',
      'expires_at',
      'revoked_at',
      'last_seen_at',
      'method',
    ])
    .select((eb) =>
      eb
        .selectFrom('access_epoch')
        .select('access_epoch.n')
        .where('access_epoch.id', '=', 1)
        .$asScalar()
        .as('access_epoch'),
    )
    .where('id', '=', id),
)

/** The live session a cookie token names, if any: not revoked, not expired, not idle too long. */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  idleMinutes: number,
): Promise<LiveSession | undefined> {
  const [row] = (await sessionWithEpoch(db, digest(token))).rows
  if (!row || row.revoked_at !== null || row.expires_at <= now.toISOString()) return undefined
  const lastSeen = new Date(row.last_seen_at ?? row.created_at).getTime()
  if (now.getTime() - lastSeen > idleMinutes * 60_000) return undefined
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    method: row.method === 'oidc' ? 'oidc' : 'password',
    touch: now.getTime() - lastSeen >= TOUCH_INTERVAL_MS,
    accessEpoch: Number(row.access_epoch),
  }
}

/** Records a use of the session (callers do it at most once a {@link TOUCH_INTERVAL_MS}). */
export async function touchSession(
  trx: Transaction<Database> | Kysely<Database>,
  sessionId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('session')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', sessionId)
    .execute()
}

export async function revokeSession(
  trx: Transaction<Database>,
  sessionId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('session')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', sessionId)
    .execute()
}

/**
 * Ends every session of a user at once (deactivation, a password reset): the rows are deleted,
 * so no cookie of theirs names anything any more. Returns how many ended.
 */
export async function endUserSessions(trx: Transaction<Database>, userId: string): Promise<number> {
  const result = await trx.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Ends a user's sessions but the one making the request (after a password change). */
export async function endOtherSessions(
  trx: Transaction<Database>,
  userId: string,
  keepSessionId: string,
): Promise<number> {
  const result = await trx
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .where('id', '<>', keepSessionId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
