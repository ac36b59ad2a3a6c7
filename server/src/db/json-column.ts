// A jsonb column as read back: PostgreSQL (pg) hands over the parsed value, PGlite and some drivers a
// string. One reader for every such column.
export function fromJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
