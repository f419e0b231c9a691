/**
 * Single sign-on (OpenID Connect). `oidc_login` keeps each sign-on between the redirect to the
 * identity provider and its return: the sha256 of its `state`, the nonce, the PKCE code verifier,
 * the redirect URI sent and the page to return to. A row is deleted when its return is handled
 * (so a state works once) and is void after 10 minutes; keeping it in the database lets any of
 * several server processes handle the return. A session records how it was opened (`password`
 * or `oidc`): a one-time password binds only password logins.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oidc_login')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('oidc_login_created_at')
    .on('oidc_login')
    .column('created_at')
    .execute()
  await db.schema
    .alterTable('session')
    .addColumn('method', 'text', (c) => c.notNull().defaultTo('password'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('method').execute()
  await db.schema.dropTable('oidc_login').execute()
}
