import { attachmentDisposition } from './content-disposition.ts'

describe('attachmentDisposition', () => {
  it('gives a Chinese name as RFC 5987 filename* and the ASCII fallback as filename', () => {
    expect(attachmentDisposition('平南-1.0.0-原文.txt', 'pingnan-1.0.0-source.txt')).toBe(
      `attachment; filename="pingnan-1.0.0-source.txt"; filename*=UTF-8''${encodeURIComponent('平南')}-1.0.0-${encodeURIComponent('原文')}.txt`,
    )
  })

  it.each([
    ['a"b\r\nSet-Cookie: x=y.txt'],
    ['../../etc/passwd'],
    ["政策'(1)*;.txt"],
    ['\\\\server\\share\\a.txt'],
  ])('keeps a hostile name %j out of the header’s syntax', (name) => {
    const header = attachmentDisposition(name, name)
    expect(header).not.toMatch(/[\r\n]/)
    const [, ascii, encoded] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(
      header,
    )!
    expect(ascii).toMatch(/^[A-Za-z0-9._-]+$/)
    expect(ascii!.startsWith('.')).toBe(false)
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+.^_`|~%-]+$/)
    expect(decodeURIComponent(encoded!)).toBe(name)
  })
})
