/** @module Chinese deadline phrases, civil dates and the mainland working-day calendar. */
export * from './civil-date.ts'
export * from './deadline-rule.ts'
export * from './parse-deadline.ts'
export * from './occurrences.ts'
export * from './working-day-calendar.ts'
