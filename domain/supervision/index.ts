/** @module 督办: the three-colour status of tasks (三色预警). */
export * from './task-light.ts'
export * from './progress-periods.ts'
