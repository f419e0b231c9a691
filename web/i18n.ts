/**
 * @module Chinese first, English by a switch. Components call `t('key')`; the locale lives in
 * localStorage and a `ls-locale-change` event on window re-renders whoever listens.
 */
import type { LocalizedText } from '../schemas/api/error.schema.ts'
import { COMMON_MESSAGES } from './messages/common.ts'
import { DASHBOARD_MESSAGES } from './messages/dashboard.ts'
import { PLAN_REVISION_MESSAGES } from './messages/plan-revision.ts'
import { TASK_PAGE_MESSAGES } from './messages/task-page.ts'
import { TASK_FOLLOWUP_MESSAGES } from './messages/task-followup.ts'
import { AUTHORING_MESSAGES } from './messages/authoring.ts'

export type Locale = 'zh' | 'en'

const KEY = 'luoshi.locale'

let current: Locale = (globalThis.localStorage?.getItem(KEY) as Locale | null) ?? 'zh'

export function locale(): Locale {
  return current
}

export function setLocale(next: Locale): void {
  current = next
  globalThis.localStorage?.setItem(KEY, next)
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en'
  window.dispatchEvent(new CustomEvent('ls-locale-change', { detail: { locale: next } }))
}

/** Picks the text of the current locale from a `{ zh, en }` pair (server messages use this shape). */
export function pick(text: LocalizedText | undefined | null): string {
  if (!text) return ''
  return current === 'zh' ? text.zh : text.en
}

/** `{n, plural, one {# task} other {# tasks}}`: the choice, then its branches. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g

/**
 * Replaces `{name}` placeholders in a translated message, and picks plural forms by the
 * language's rules (`Intl.PluralRules`): `{n, plural, =0 {no tasks} one {# task} other {# tasks}}`,
 * `#` standing for the number. Chinese needs no plural, so its texts use plain placeholders.
 * @example fill('{n, plural, one {# task} other {# tasks}}', { n: 1 }) // '1 task'
 */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  const plurals = new Intl.PluralRules(current === 'zh' ? 'zh-CN' : 'en')
  return text
    .replace(PLURAL, (whole, name: string, branches: string) => {
      if (!(name in params)) return whole
      const n = Number(params[name])
      const forms = new Map([...branches.matchAll(BRANCH)].map(([, key, body]) => [key!, body!]))
      const form = forms.get(`=${n}`) ?? forms.get(plurals.select(n)) ?? forms.get('other') ?? ''
      return form.replace(/#/g, formatNumber(n))
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? formatParam(params[name]!) : whole,
    )
}

/** A number as the locale writes it, with thousands separators: 12,345.5 (both locales). */
export function formatNumber(value: number, maximumFractionDigits = 4): string {
  return new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en', {
    maximumFractionDigits,
  }).format(value)
}

/** Numbers in messages get separators; years (four digits, no fraction) and text stay as they are. */
function formatParam(value: string | number): string {
  if (typeof value !== 'number' || (Number.isInteger(value) && Math.abs(value) < 10000))
    return String(value)
  return formatNumber(value)
}

/**
 * An instant in China time, where every plan runs (not the browser's time zone), in the current
 * locale: 2021年12月20日 09:00 / 20 Dec 2021, 09:00. Empty for no instant.
 */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString(current === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  })
}

/**
 * A component's own message table as a lookup: `const text = messageTable({ title: { zh, en } })`,
 * then `text('title', { n: 3 })` — the current locale's text with its placeholders filled. The
 * lookup takes only the table's own keys, so a misspelt or removed key fails the typecheck.
 */
export function messageTable<T extends Record<string, LocalizedText>>(table: T) {
  return (key: Extract<keyof T, string>, params: Record<string, string | number> = {}): string =>
    fill(pick(table[key]), params)
}

/**
 * The shared message table, gathered from the tables of the app's parts (messages/): each key is
 * in exactly one of them (i18n.test.ts), as a later table would silently win.
 */
const MESSAGES = {
  ...COMMON_MESSAGES,
  ...DASHBOARD_MESSAGES,
  ...PLAN_REVISION_MESSAGES,
  ...TASK_PAGE_MESSAGES,
  ...TASK_FOLLOWUP_MESSAGES,
  ...AUTHORING_MESSAGES,
} as const

/** A key of the shared message table; `t()` takes nothing else, so a typo fails the typecheck. */
export type MessageKey = keyof typeof MESSAGES

/**
 * Every leading part of a key up to an underscore: `task_role_lead` gives `task_` and
 * `task_role_`. A family is named this way when the rest of the key comes from data.
 */
type KeyPrefix<TKey extends string> = TKey extends `${infer THead}_${infer TTail}`
  ? `${THead}_` | `${THead}_${KeyPrefix<TTail>}`
  : never

/** The first part of a family of keys whose last part is a value from data, e.g. `state_`. */
export type MessageFamily = KeyPrefix<MessageKey>

/**
 * The message for a key in the current locale. A key the table lacks (only reachable past the
 * type, e.g. from plain JavaScript) shows as itself.
 */
export function t(key: MessageKey): string {
  return lookup(key)
}

/**
 * The message for a key built from a family and a value the server sends — `state_` and a task
 * state, `event_` and an event type — which the type cannot list. The family is checked; a value
 * without a message falls back to the whole key, as the page shows an unknown state as it is.
 * @example tOf('state_', task.state) // 待审核 for `submitted`
 */
export function tOf(family: MessageFamily, value: string | number): string {
  return lookup(`${family}${value}`)
}

function lookup(key: string): string {
  const entry = (MESSAGES as Record<string, LocalizedText | undefined>)[key]
  return entry ? pick(entry) : key
}
