/**
 * @module 钉钉 group robot (自定义机器人): a markdown message posted to its webhook. With a signing
 * secret (加签), the URL carries `timestamp` (ms) and `sign` = url-encoded base64 of
 * HMAC-SHA256(key = secret, `${timestamp}\n${secret}`), as DingTalk's documentation gives it.
 * DingTalk cannot drop a repeated message, so the worker must not send one twice.
 */
import { createHmac } from 'node:crypto'
import type { ChannelSender } from './channel-sender.ts'
import { checkWebhookUrl, maskUrl, postRobot } from './channel-sender.ts'

/** The `sign` of a signed DingTalk request (before url-encoding). */
export function dingTalkSign(timestamp: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64')
}

export const dingTalkSender: ChannelSender = {
  kind: 'dingtalk',
  check(target, secret) {
    const issues = checkWebhookUrl(target)
    if (secret !== null && !/^\S{8,200}$/.test(secret))
      issues.push({
        field: 'secret',
        zh: '加签密钥格式不对（以 SEC 开头）',
        en: 'The signing secret looks wrong (it starts with SEC)',
      })
    return issues
  },
  mask: maskUrl,
  async send(channel, message, { now, signal }) {
    const url = new URL(channel.target)
    if (channel.secret) {
      const timestamp = now.getTime()
      url.searchParams.set('timestamp', String(timestamp))
      url.searchParams.set('sign', dingTalkSign(timestamp, channel.secret))
    }
    await postRobot(
      url.toString(),
      { msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } },
      signal,
      '钉钉 / DingTalk',
    )
  },
}
