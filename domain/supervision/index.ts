/** @module 督办: the three-colour status of tasks (三色预警), escalation levels and progress figures. */
export * from './task-light.ts'
export * from './progress-periods.ts'
export * from './escalation.ts'
export * from './plan-figures.ts'
