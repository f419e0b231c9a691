/**
 * @module Accounts, their units, sessions, login attempts, OIDC logins and idempotency keys. The
 * Database type (../database.ts) gathers every table.
 */
import type { Generated } from 'kysely'

export interface UserTable {
  id: string
  username: string
  display_name: string
  password_hash: string
  /** JSON array of roles: author, department, reviewer, leader, admin. */
  roles: string
  created_at: string
  phone: string | null
  email: string | null
  /** 1 active, 0 deactivated: login is refused and no session of it lives. */
  active: Generated<number>
  /** 1 while the password is a one-time one (issued by an administrator) that must be changed. */
  must_change_password: Generated<number>
  updated_at: string | null
  /** The region the account belongs to; null for an account above every region (a system admin). */
  region_id: string | null
}

export interface UserUnitTable {
  user_id: string
  policy_id: string
  /** A unit or body id of that policy. */
  unit_id: string
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked table does not leak sessions. */
  id: string
  user_id: string
  csrf_token: string
  created_at: string
  expires_at: string
  revoked_at: string | null
  /** Last use, advanced at most once a minute; idle past LUOSHI_SESSION_IDLE_MINUTES ends it. */
  last_seen_at: string | null
  /** How the session was opened: `password` or `oidc` (single sign-on; no one-time password applies). */
  method: Generated<string>
}

/** A failed login, for throttling; rows older than the throttle window are pruned. */
export interface LoginAttemptTable {
  id: string
  /** The username as typed (it may name nobody). */
  username: string
  /** The client address (see server/http/client-address.ts). */
  address: string
  at: string
}

/**
 * A single sign-on between the redirect to the identity provider and its return (auth/oidc-logins.ts):
 * deleted when the return is handled, void after 10 minutes.
 */
export interface OidcLoginTable {
  /** sha256 of the `state` sent to the provider (and kept in the browser's binding cookie). */
  state_hash: string
  nonce: string
  /** The PKCE code verifier (RFC 7636). */
  code_verifier: string
  /** The redirect URI sent with the authorization request; the token request must repeat it. */
  redirect_uri: string
  /** The same-site path the browser returns to. */
  return_to: string
  created_at: string
}

export interface IdempotencyTable {
  user_id: string
  key: string
  request_hash: string
  status: number
  response: string
  created_at: string
}
