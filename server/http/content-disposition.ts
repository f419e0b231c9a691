/**
 * @module The `Content-Disposition` of a download whose name may hold any text: an ASCII
 * `filename` for old clients, and the real name as `filename*` in RFC 5987 / RFC 8187 form
 * (`UTF-8''` and percent-encoded UTF-8), which every current browser prefers.
 */

/**
 * `attachment; filename="…"; filename*=UTF-8''…`. The ASCII name keeps letters, digits and
 * `.-_` only (a quote, a backslash, a control character or a path separator cannot reach the
 * header); the encoded one escapes every byte outside RFC 5987's attr-char.
 * @param fallback the ASCII name used when the real one is not plain ASCII
 * @example attachmentDisposition('平南-1.0.0-原文.txt', 'pingnan-1.0.0-source.txt')
 */
export function attachmentDisposition(name: string, fallback: string = name): string {
  const ascii = /^[\x20-\x7e]*$/.test(name) ? name : fallback
  const safe = ascii.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_') || 'download'
  return `attachment; filename="${safe}"; filename*=UTF-8''${encodeRfc5987(name)}`
}

/** Percent-encodes all but RFC 5987's attr-char (encodeURIComponent leaves `'()*` as they are). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}
