/** @module The OpenAPI paths of indicator values, their import and template, and indicator series. */
import { indicatorValuesBody } from '../../../schemas/api/requests.schema.ts'
import {
  indicatorImportQuery,
  indicatorSeriesQuery,
  indicatorTemplateQuery,
  indicatorValuesQuery,
} from '../../../schemas/api/queries.schema.ts'
import {
  importReportSchema,
  indicatorInputsSchema,
  indicatorSeriesSchema,
  indicatorValueListSchema,
  indicatorValuesResultSchema,
} from '../../../schemas/api/responses.schema.ts'
import { xlsx, ok, errors, write, read, path, queryParameters } from './operations.ts'

/** Indicator values, their import and template, and indicators against targets. */
export const indicatorPaths = {
  '/api/plans/{id}/indicator-values': {
    get: read(
      '指标数据 / Indicator values',
      [path('id'), ...queryParameters(indicatorValuesQuery)],
      ok('数值 / Values', indicatorValueListSchema),
    ),
    put: write(
      '录入指标数据（全部或全不）/ Enter values, all or nothing',
      indicatorValuesBody,
      { parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }] },
      ok('已写入 / Written', indicatorValuesResultSchema),
    ),
  },
  '/api/plans/{id}/indicator-values/import': {
    post: {
      summary: '导入 CSV / Excel，逐行报告 / Import a CSV or .xlsx file with a row-by-row report',
      parameters: [
        path('id'),
        { $ref: '#/components/parameters/CsrfToken' },
        ...queryParameters(indicatorImportQuery),
        { name: 'X-Filename', in: 'header', schema: { type: 'string' } },
      ],
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', format: 'binary' },
          },
        },
      },
      responses: { '200': ok('报告 / The report', importReportSchema), ...errors },
    },
  },
  '/api/plans/{id}/indicator-values/template.xlsx': {
    get: read(
      '填报模板 / The Excel template',
      [path('id'), ...queryParameters(indicatorTemplateQuery)],
      xlsx('填报模板 / The template'),
    ),
  },
  '/api/plans/{id}/indicator-values/inputs': {
    get: read(
      '可填报的数据项 / The inputs',
      [path('id')],
      ok('数据项与单位 / Inputs and units', indicatorInputsSchema),
    ),
  },
  '/api/plans/{id}/indicators': {
    get: read(
      '指标对照目标（按年）/ Indicators against targets by year',
      [path('id'), ...queryParameters(indicatorSeriesQuery)],
      ok('指标与各年度 / Indicators by year', indicatorSeriesSchema),
    ),
  },
}
