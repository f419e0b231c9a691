/**
 * @module Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps
 * only its sha256, with a CSRF token that every write must echo in `X-CSRF-Token`.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

export const SESSION_COOKIE = 'luoshi_session'
export const SESSION_HOURS = 12

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createSession(db: Kysely<Database>, userId: string, now: Date): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString()
  await db.insertInto('session').values({ id: digest(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null }).execute()
  return { token, csrfToken, expiresAt }
}

/** The live session a cookie token names, if any. */
export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<{ id: string; userId: string; csrfToken: string } | undefined> {
  const row = await db
    .selectFrom('session')
    .select(['id', 'user_id', 'csrf_token', 'expires_at', 'revoked_at'])
    .where('id', '=', digest(token))
    .executeTakeFirst()
  if (!row || row.revoked_at !== null || row.expires_at <= now.toISOString()) return undefined
  return { id: row.id, userId: row.user_id, csrfToken: row.csrf_token }
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ revoked_at: now.toISOString() }).where('id', '=', sessionId).execute()
}
