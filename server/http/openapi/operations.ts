/** @module The small builders the OpenAPI paths are written with: answers, errors, reads, writes and parameters. */

export const json = (schema: object) => ({ content: { 'application/json': { schema } } })
/** An Excel file as the answer (templates and reports). */
export const xlsx = (description: string) => ({
  description,
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
})
/** A 200 (or other) answer described by its schema in schemas/api/; `{ type: object }` only where none is written yet. */
export const ok = (description: string, schema: object = { type: 'object' }) => ({
  description,
  ...json(schema),
})
export const errors = {
  '4XX': { description: '错误 / Error', ...json({ $ref: '#/components/schemas/Error' }) },
}
export const write = (
  summary: string,
  body: object,
  extra: object = {},
  response: object = ok('成功 / OK'),
) => ({
  summary,
  parameters: [
    { $ref: '#/components/parameters/CsrfToken' },
    { $ref: '#/components/parameters/IdempotencyKey' },
  ],
  requestBody: { required: true, ...json(body) },
  responses: { '200': response, ...errors },
  ...extra,
})
export const read = (
  summary: string,
  parameters: object[] = [],
  response: object = ok('成功 / OK'),
) => ({
  summary,
  parameters,
  responses: { '200': response, ...errors },
})
export const path = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
})

/** The query parameters a route reads, from its schema in schemas/api/queries.schema.ts. */
export function queryParameters(schema: {
  properties: Record<string, { description?: string }>
  required?: readonly string[]
}): object[] {
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = property
    return {
      name,
      in: 'query',
      ...(schema.required?.includes(name) ? { required: true } : {}),
      schema: rest,
      ...(description ? { description } : {}),
    }
  })
}
