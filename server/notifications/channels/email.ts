/**
 * @module E-mail over SMTP (nodemailer), with the server's settings from `LUOSHI_SMTP_*`. The
 * message's idempotency key is its Message-ID, so a repeat after a crash between sending and
 * marking it sent can be dropped by the mail server or the reader's client.
 */
import nodemailer from 'nodemailer'
import type { ChannelIssue, ChannelSender, SmtpSettings } from './channel-sender.ts'

const ADDRESS = /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+\.[^\s@<>()",;:\\]+$/

/**
 * The SMTP settings from the environment: `LUOSHI_SMTP_HOST` (required to send mail),
 * `LUOSHI_SMTP_PORT` (587), `LUOSHI_SMTP_SECURE` (`true`: TLS from the start, port 465),
 * `LUOSHI_SMTP_USER`, `LUOSHI_SMTP_PASSWORD`, `LUOSHI_SMTP_FROM` (the sender address).
 * @returns undefined when no host is set (mail channels then fail with a clear error)
 */
export function smtpFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpSettings | undefined {
  const host = env.LUOSHI_SMTP_HOST
  if (!host) return undefined
  return {
    host,
    port: Number(env.LUOSHI_SMTP_PORT ?? 587),
    secure: env.LUOSHI_SMTP_SECURE === 'true',
    ...(env.LUOSHI_SMTP_USER ? { user: env.LUOSHI_SMTP_USER } : {}),
    ...(env.LUOSHI_SMTP_PASSWORD ? { password: env.LUOSHI_SMTP_PASSWORD } : {}),
    from: env.LUOSHI_SMTP_FROM ?? `luoshi@${host}`,
  }
}

export const emailSender: ChannelSender = {
  kind: 'email',
  check(target, secret) {
    const issues: ChannelIssue[] =
      ADDRESS.test(target) && target.length <= 254
        ? []
        : [{ field: 'target', zh: '不是有效的邮箱地址', en: 'Not a valid e-mail address' }]
    if (secret !== null)
      issues.push({
        field: 'secret',
        zh: '邮件渠道没有密钥：请删去 secret（SMTP 设置在服务器上）',
        en: 'A mail channel has no secret: leave secret out (SMTP is set on the server)',
      })
    return issues
  },
  mask: (target) => target,
  async send(channel, message, { smtp }) {
    if (!smtp)
      throw new Error('SMTP is not configured: set LUOSHI_SMTP_HOST (and LUOSHI_SMTP_FROM)')
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
      connectionTimeout: 15_000,
      socketTimeout: 30_000,
      logger: false,
    })
    try {
      await transport.sendMail({
        from: smtp.from,
        to: channel.target,
        subject: message.title,
        text: message.markdown,
        messageId: `<${message.idempotencyKey}@luoshi>`,
        textEncoding: 'base64',
      })
    } finally {
      transport.close()
    }
  },
}
