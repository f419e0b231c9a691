import { oneTimePassword, passwordIssues } from './password-policy.ts'

const codes = (password: string, username = 'zhang.san') =>
  passwordIssues(password, username, '/password').map((issue) => issue.code)

describe('passwordIssues', () => {
  it('refuses fewer than 10 characters, at the pointer, zh first', () => {
    const [issue] = passwordIssues('Ab1!ab1!a', 'x', '/newPassword')
    expect(issue).toMatchObject({ pointer: '/newPassword', code: 'password-too-short' })
    expect(Object.keys(issue!.message)).toEqual(['zh', 'en'])
    expect(issue!.message.zh).toContain('10')
  })

  it('needs three of the four classes below 16 characters', () => {
    expect(codes('abcdefghij12')).toEqual(['password-too-simple'])
    expect(codes('abcdefghiJ12')).toEqual([])
    expect(codes('abcdefgh-j12')).toEqual([])
    expect(codes('ABCDEFGH-J12')).toEqual([])
  })

  it('accepts a passphrase of 16 characters or more without a mix', () => {
    expect(codes('correcthorsebatt')).toEqual([])
    expect(codes('correcthorsebat')).toEqual(['password-too-simple'])
  })

  it('refuses the username as the password, whatever its case', () => {
    expect(codes('Zhang.San.2024', 'zhang.san.2024')).toEqual(['password-is-username'])
  })

  it('generates one-time passwords the policy accepts, each different', () => {
    const first = oneTimePassword()
    expect(passwordIssues(first, 'admin', '/password')).toEqual([])
    expect(first).toHaveLength(24)
    expect(oneTimePassword()).not.toBe(first)
  })
})
