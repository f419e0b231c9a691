/**
 * Accessibility checks with axe-core, run inside the page (it walks open shadow roots, so the Lit
 * components are checked too). Only the serious and critical findings fail a test: those block a
 * screen-reader or keyboard user, or make text unreadable (contrast).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

// Evaluated through the browser's debugging protocol: the app's Content-Security-Policy allows
// no inline script, and a test must not weaken it.
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

export interface Finding {
  rule: string
  impact: string
  help: string
  /** Where: the selector of each element found (at most five). */
  targets: string[]
}

/** The serious and critical axe findings on the page as it is now. */
export async function seriousFindings(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }
    ).axe
    interface AxeResults {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[] }[]
      }[]
    }
    const results = await axe.run(document, { resultTypes: ['violations'] })
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      }))
  })
}
