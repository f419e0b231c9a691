/**
 * @module Requests Node's HTTP parser refuses before the app sees them — a header section over
 * 16 KB, a malformed request line, a client that never finishes its headers — answered in the
 * one error shape like everything else, instead of Node's bare `431` or `400` with no body.
 */
import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { AppError } from '../errors.ts'

/** The answer for a parser error code (`HPE_*` from llhttp, `ERR_HTTP_REQUEST_TIMEOUT`). */
export function clientErrorAnswer(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new AppError(431, 'headers-too-large', {
      zh: '请求头过大（合计超过 16 KB），例如文件名（X-Filename）过长',
      en: 'The request headers are too large (over 16 KB in all), e.g. a file name (X-Filename) that is too long',
    })
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new AppError(408, 'request-timeout', {
      zh: '请求未在限定时间内发送完毕',
      en: 'The request was not sent in time',
    })
  }
  return new AppError(400, 'bad-request', {
    zh: '请求格式有误，无法解析',
    en: 'The request is malformed and cannot be parsed',
  })
}

/** Answers the server's client errors with JSON; call once on the server `serve()` returned. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset connection, or one whose response has begun, has no one to answer.
    if (
      error.code === 'ECONNRESET' ||
      !socket.writable ||
      (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent
    ) {
      socket.destroy()
      return
    }
    const answer = clientErrorAnswer(error.code)
    const body = JSON.stringify(answer.toJSON())
    socket.end(
      [
        `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Request-Id: ${randomUUID()}`,
        // The headers every answer of the app carries (middleware/security-headers.ts); a JSON
        // error needs nothing loaded, so its policy is the strictest.
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
        'X-Content-Type-Options: nosniff',
        'X-Frame-Options: DENY',
        'Referrer-Policy: no-referrer',
        'Cache-Control: no-store',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    )
  })
}
