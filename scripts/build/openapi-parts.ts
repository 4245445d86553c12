// Small builders the OpenAPI generator's files share.

/** A reference to a schema under components/schemas. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A JSON body with this schema. */
export const json = (schema: unknown) => ({ 'application/json': { schema } });

/** A required string path parameter. */
export const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** The error replies of these statuses, each with the Error body. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'Error', content: json(ref('Error')) }]));
