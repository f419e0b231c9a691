/**
 * @module The security headers every response carries — API answers, the web app's files, error
 * answers and 404s alike: a strict Content-Security-Policy (scripts only from this origin, no
 * plugins, no framing, no `<base>`), `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`
 * and `Referrer-Policy: no-referrer`, set by Hono's `secureHeaders` once, outside every route.
 */
import { secureHeaders } from 'hono/secure-headers'

/**
 * The Content-Security-Policy directives. Scripts come only from this origin — never inline, so
 * an injected `<img onerror>` or `<script>` does not run. They may call `eval`/`Function`
 * (`'unsafe-eval'`) because Ajv compiles validators that way, and the browser runs the server's
 * own Ajv checks: the policy editor's live validation and the task forms' field checks (see
 * `schemas/ajv.ts`); this goes once both are compiled ahead of time. Styles allow
 * `'unsafe-inline'` because ECharts writes its tooltips as HTML with `style` attributes (and so do
 * the app's own, escaped, tooltips) and the page's base style sits in index.html. Images allow
 * `data:` and `blob:` for ECharts' and CodeMirror's drawn images.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/** The middleware: `app.use('*', securityHeaders)` first, so it wraps errors and 404s too. */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  // HSTS applies only over HTTPS; without includeSubDomains it binds no other host of the domain.
  strictTransportSecurity: 'max-age=15552000',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
})
