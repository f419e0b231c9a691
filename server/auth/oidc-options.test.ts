import { oidcFromEnv } from './oidc-options.ts'

const BASE = {
  LUOSHI_OIDC_ISSUER: 'https://id.example.gov.cn/oidc',
  LUOSHI_OIDC_CLIENT_ID: 'luoshi',
  LUOSHI_OIDC_CLIENT_SECRET: 'a-secret-never-repeated',
}

describe('oidcFromEnv', () => {
  it('is off without an issuer', () => {
    expect(oidcFromEnv({})).toBeUndefined()
  })

  it('takes the defaults: preferred_username against usernames, the 统一身份认证登录 button', () => {
    const options = oidcFromEnv(BASE)!
    expect(options.issuer.href).toBe('https://id.example.gov.cn/oidc')
    expect(options).toMatchObject({
      claim: 'preferred_username',
      match: 'username',
      scope: 'openid profile email',
      label: '统一身份认证登录',
      redirectUri: undefined,
    })
  })

  it('reads the claim, the column, the scopes, the label and the redirect URI', () => {
    const options = oidcFromEnv({
      ...BASE,
      LUOSHI_OIDC_CLAIM: 'email',
      LUOSHI_OIDC_MATCH: 'email',
      LUOSHI_OIDC_SCOPE: 'profile email',
      LUOSHI_OIDC_LABEL: '省统一身份认证',
      LUOSHI_OIDC_REDIRECT_URI: 'https://luoshi.example.gov.cn/api/auth/oidc/callback',
    })!
    expect(options).toMatchObject({
      claim: 'email',
      match: 'email',
      scope: 'profile email openid',
      label: '省统一身份认证',
    })
    expect(options.redirectUri?.href).toBe('https://luoshi.example.gov.cn/api/auth/oidc/callback')
  })

  it('refuses a plain-HTTP issuer unless it is on this machine', () => {
    expect(() => oidcFromEnv({ ...BASE, LUOSHI_OIDC_ISSUER: 'http://id.example.gov.cn' })).toThrow(
      /https/,
    )
    expect(oidcFromEnv({ ...BASE, LUOSHI_OIDC_ISSUER: 'http://127.0.0.1:4000' })).toBeDefined()
  })

  it('names what is missing or wrong, never repeating the secret', () => {
    const { LUOSHI_OIDC_CLIENT_SECRET: _secret, ...noSecret } = BASE
    expect(() => oidcFromEnv(noSecret)).toThrow(/LUOSHI_OIDC_CLIENT_SECRET is required/)
    expect(() => oidcFromEnv({ ...BASE, LUOSHI_OIDC_MATCH: 'phone' })).toThrow(/username or email/)
    expect(() => oidcFromEnv({ LUOSHI_OIDC_CLIENT_SECRET: 'a-secret-never-repeated' })).toThrow(
      /without LUOSHI_OIDC_ISSUER/,
    )
    for (const env of [
      { ...BASE, LUOSHI_OIDC_MATCH: 'phone' },
      { ...BASE, LUOSHI_OIDC_ISSUER: 'ftp://x' },
    ]) {
      expect(() => oidcFromEnv(env)).toThrow(
        expect.not.objectContaining({ message: expect.stringContaining('never-repeated') }),
      )
    }
  })
})
