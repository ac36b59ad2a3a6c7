// Response schemas for the OpenAPI document. Bodies are described by the TypeScript contracts in
// contracts/tickets.ts; the schemas keep every property (additionalProperties) so nothing is dropped.
export const OBJ = { type: 'object', additionalProperties: true } as const;
export const ARR = { type: 'array', items: OBJ } as const;
export const ok = (schema: object, code = 200) => ({ [code]: schema });
