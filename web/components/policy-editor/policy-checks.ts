/**
 * @module What the editor shows of the text as it is checked: the issues the validator found, the
 * config's own tests (考核测试) with their count, and previews of what the last config that
 * validated produces, beside the source document.
 */
import { html } from 'lit'
import { t } from '../../i18n.ts'
import { testsCount, testsText } from '../policy-tests/policy-test-format.ts'
import type { PolicyValidation } from './policy-validation.ts'

/** The issues, tests and previews sections of the editor's workspace. */
export function renderChecks(validation: PolicyValidation, sourceText: string) {
  return html`
    <section class="issues" aria-labelledby="issues-title">
      <h3 id="issues-title">${t('peIssues')}</h3>
      <ls-issue-list .issues=${validation.issues} ?checked=${validation.checked}></ls-issue-list>
    </section>
    <section class="tests" aria-labelledby="tests-title">
      <h3 id="tests-title">${testsText('title')} <span class="count">${testsCount(validation.tests)}</span></h3>
      <ls-policy-tests .results=${validation.tests} ?stale=${validation.stale} error=${validation.testsError ?? ''}></ls-policy-tests>
    </section>
    <section class="previews" aria-labelledby="preview-title">
      <h3 id="preview-title">${t('pePreviews')}</h3>
      <ls-policy-preview .policy=${validation.policy} .sourceText=${sourceText} ?stale=${validation.stale}></ls-policy-preview>
    </section>
  `
}
