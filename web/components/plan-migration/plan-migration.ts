import { LsPlanMigration } from './plan-migration.component.ts'

customElements.define('ls-plan-migration', LsPlanMigration)

declare global {
  interface HTMLElementTagNameMap {
    'ls-plan-migration': LsPlanMigration
  }
}
