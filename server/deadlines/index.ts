/** @module Chinese deadline phrases, civil dates and the mainland working-day calendar. */
export * from './civil-date.js'
export * from './deadline-rule.js'
export * from './parse-deadline.js'
export * from './occurrences.js'
export * from './working-day-calendar.js'
