/**
 * @module JSON Schemas of the main API answers. /api/openapi.json describes the responses with
 * them; the server builds some answers typed by them (a task summary, a policy summary), and a
 * type test (test/api/contract.types.test.ts) holds every described route's answer to its schema,
 * so the description cannot drift from what is sent.
 */
export * from './responses/accounts.schema.ts'
export * from './responses/policies.schema.ts'
export * from './responses/plans.schema.ts'
export * from './responses/tasks.schema.ts'
export * from './responses/task-page.schema.ts'
export * from './responses/task-actions.schema.ts'
export * from './responses/progress.schema.ts'
export * from './responses/members.schema.ts'
export * from './responses/lifecycle.schema.ts'
export * from './responses/migration.schema.ts'
export * from './responses/indicators.schema.ts'
export * from './responses/assessments.schema.ts'
export * from './responses/audit.schema.ts'
export * from './responses/notifications.schema.ts'
export * from './responses/documents.schema.ts'
