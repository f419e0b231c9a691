/** @module The delivery channels, by kind: a new channel is one file registered here. */
import type { ChannelKind } from '../../db/database.ts'
import type { ChannelSender } from './channel-sender.ts'
import { dingTalkSender } from './dingtalk.ts'
import { emailSender } from './email.ts'
import { weComSender } from './wecom.ts'

export const CHANNEL_KINDS = [
  'email',
  'dingtalk',
  'wecom',
] as const satisfies readonly ChannelKind[]

const SENDERS: Record<ChannelKind, ChannelSender> = {
  email: emailSender,
  dingtalk: dingTalkSender,
  wecom: weComSender,
}

export function channelSender(kind: ChannelKind): ChannelSender {
  return SENDERS[kind]
}
