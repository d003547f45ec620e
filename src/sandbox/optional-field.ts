/**
 * `{ key: value }` when the value is defined, else `{}`: spreads an optional field into a request
 * (with `exactOptionalPropertyTypes`, a field may be absent but not `undefined`).
 */
export function optionalField<Key extends string, Value>(
  key: Key,
  value: Value | undefined,
): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value };
}
