/**
 * @module 企业微信 group robot (群机器人): a markdown message posted to its webhook, whose URL carries
 * the robot's key (so the URL itself is the secret, and is shown masked).
 */
import type { ChannelSender } from './channel-sender.ts'
import { checkWebhookUrl, maskUrl, postRobot } from './channel-sender.ts'

export const weComSender: ChannelSender = {
  kind: 'wecom',
  check(target, secret) {
    const issues = checkWebhookUrl(target)
    if (secret !== null)
      issues.push({
        field: 'secret',
        zh: '企业微信机器人没有加签密钥：请删去 secret',
        en: 'A WeCom robot has no signing secret: leave secret out',
      })
    return issues
  },
  mask: maskUrl,
  async send(channel, message, { signal }) {
    await postRobot(
      channel.target,
      { msgtype: 'markdown', markdown: { content: `**${message.title}**\n${message.markdown}` } },
      signal,
      '企业微信 / WeCom',
    )
  },
}
