/**
 * Real receivers for delivery tests, on loopback: an SMTP server (smtp-server) that keeps every
 * mail it accepts, and an HTTP server that plays a 钉钉 robot (checking the request's signature)
 * and a 企业微信 robot. A test decides how the HTTP robot answers each request.
 */
import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  messageId: string
  /** The decoded text body. */
  text: string
  raw: string
}

export interface SmtpReceiver {
  port: number
  mails: ReceivedMail[]
  /** Called when a mail's data has arrived, before the server accepts it. */
  onMail?: () => void
  close(): Promise<void>
}

/** Starts an SMTP server on 127.0.0.1 that takes mail from `user`/`password`. */
export async function startSmtpReceiver(
  port: number,
  user: string,
  password: string,
): Promise<SmtpReceiver> {
  const receiver: SmtpReceiver = { port, mails: [], close: async () => undefined }
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user })
      else callback(new Error('bad credentials'))
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        receiver.mails.push(parseMail(raw))
        receiver.onMail?.()
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()))
  return receiver
}

function parseMail(raw: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? ''
  const text = /base64/i.test(header('Content-Transfer-Encoding'))
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body
  return { messageId: header('Message-ID'), text, raw }
}

export interface RobotRequest {
  path: string
  query: URLSearchParams
  body: { msgtype: string; markdown: { title?: string; text?: string; content?: string } }
  /** For a 钉钉 request: whether `sign` is right for `timestamp` under the secret. */
  signed: boolean
}

export interface RobotReceiver {
  port: number
  requests: RobotRequest[]
  /** The HTTP status to answer the next request with (200 with `{errcode:0}` by default). */
  answer: (request: RobotRequest) => number
  /** Called when a request has arrived, before it is answered. */
  onRequest?: () => void
  close(): Promise<void>
}

/** Starts an HTTP server on 127.0.0.1 playing both robots; `secret` is the 钉钉 signing secret. */
export async function startRobotReceiver(port: number, secret: string): Promise<RobotReceiver> {
  const receiver: RobotReceiver = {
    port,
    requests: [],
    answer: () => 200,
    close: async () => undefined,
  }
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => answer(req, res, chunks))
  })
  const answer = (req: IncomingMessage, res: ServerResponse, chunks: Buffer[]) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const timestamp = url.searchParams.get('timestamp') ?? ''
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64')
    const request: RobotRequest = {
      path: url.pathname,
      query: url.searchParams,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      signed: url.searchParams.get('sign') === expected,
    }
    receiver.requests.push(request)
    receiver.onRequest?.()
    const status = receiver.answer(request)
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(status === 200 ? { errcode: 0, errmsg: 'ok' } : { errcode: 500 }))
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return receiver
}
