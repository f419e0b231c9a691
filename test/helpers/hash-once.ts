/**
 * The password module with each password hashed once: for `vi.mock` in tests that load the demo
 * but never look at a hash. Every demo account has the same password and scrypt spends ~90 ms of
 * CPU on each hash — most of a demo seeding's cost, for 77 accounts. The hash is real (scrypt,
 * salted) and logs in; only its salt is shared by the accounts that have that password.
 *
 * @example
 * vi.mock('../../server/auth/passwords.ts', async (original) => (await import('../helpers/hash-once.ts')).hashOnce(original))
 */
import type * as Passwords from '../../server/auth/passwords.ts'

export async function hashOnce(original: () => Promise<unknown>): Promise<typeof Passwords> {
  const passwords = (await original()) as typeof Passwords
  const hashes = new Map<string, Promise<string>>()
  const hashPassword = (password: string): Promise<string> => {
    let hash = hashes.get(password)
    if (!hash) hashes.set(password, (hash = passwords.hashPassword(password)))
    return hash
  }
  return { ...passwords, hashPassword }
}
