/** @module What a delivery channel is: how it checks, masks and sends (one file per kind). */
import type { ChannelKind, NotifyChannelRow } from '../../db/database.ts'

/** One message to send: a single notification, or a unit's digest of a day's reminders. */
export interface OutgoingMessage {
  /** Unique per message; a mail's Message-ID, so a mail server or reader can drop a repeat. */
  idempotencyKey: string
  title: string
  /** Markdown body (钉钉 and 企业微信 robots render it; e-mail sends it as plain text). */
  markdown: string
}

export interface SmtpSettings {
  host: string
  port: number
  secure: boolean
  user?: string
  password?: string
  from: string
}

export interface SendContext {
  smtp?: SmtpSettings | undefined
  now: Date
  signal: AbortSignal
}

/** A problem with a channel's `target` or `secret`. */
export interface ChannelIssue {
  field: 'target' | 'secret'
  zh: string
  en: string
}

export interface ChannelSender {
  kind: ChannelKind
  /** Problems with the configured target and secret ([] when fine), zh and en. */
  check(target: string, secret: string | null): ChannelIssue[]
  /** The target as it may be shown: a webhook's token masked. */
  mask(target: string): string
  /** Sends; resolves once the receiver accepted, rejects with a message free of secrets. */
  send(channel: NotifyChannelRow, message: OutgoingMessage, context: SendContext): Promise<void>
}

/** The first characters of a secret and an ellipsis; a short secret shows nothing of itself. */
export function maskSecret(secret: string): string {
  return secret.length >= 12 ? `${secret.slice(0, 4)}…` : '…'
}

/** A webhook URL with every query value masked (the robot's access token or key). */
export function maskUrl(target: string): string {
  try {
    const url = new URL(target)
    const query = [...url.searchParams].map(([name, value]) => `${name}=${maskSecret(value)}`)
    return `${url.origin}${url.pathname}${query.length ? `?${query.join('&')}` : ''}`
  } catch {
    return '…'
  }
}

/**
 * Problems with a webhook URL: https, or http to this machine only (a local relay).
 */
export function checkWebhookUrl(target: string): ChannelIssue[] {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return [{ field: 'target', zh: '不是有效的网址', en: 'Not a valid URL' }]
  }
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return []
  return [
    {
      field: 'target',
      zh: 'Webhook 地址须为 https://（http:// 仅限本机中转）',
      en: 'A webhook URL must be https:// (http:// only to this machine)',
    },
  ]
}

/** Posts JSON to a robot webhook and checks its `errcode` answer. */
export async function postRobot(
  url: string,
  body: unknown,
  signal: AbortSignal,
  name: string,
): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.any([signal, AbortSignal.timeout(15_000)]),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${name} answered HTTP ${response.status}`)
  let answer: { errcode?: unknown; errmsg?: unknown } = {}
  try {
    answer = JSON.parse(text) as typeof answer
  } catch {
    throw new Error(`${name} answered something other than JSON`)
  }
  if (answer.errcode !== undefined && answer.errcode !== 0)
    throw new Error(
      `${name} refused: errcode ${String(answer.errcode)} ${String(answer.errmsg ?? '').slice(0, 200)}`,
    )
}
