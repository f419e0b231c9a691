import { sameSitePath, withQueryParameter } from './return-path.ts'

describe('sameSitePath', () => {
  it.each(['/', '/#/inbox', '/?tab=1#/plans/p-1', '/index.html'])('keeps the path %j', (path) => {
    expect(sameSitePath(path)).toBe(path)
  })

  it.each([
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'inbox',
    '',
    '/api/auth/oidc/start',
    '/api/../api/auth/me',
    '/api',
  ])('refuses %j', (value) => {
    expect(sameSitePath(value)).toBeUndefined()
  })
})

describe('withQueryParameter', () => {
  it('puts the parameter before the hash the web app routes by', () => {
    expect(withQueryParameter('/#/inbox', 'login-error', 'sso-denied')).toBe(
      '/?login-error=sso-denied#/inbox',
    )
  })
})
