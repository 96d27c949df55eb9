/** An arguments object whose optional arguments given as null are left out. */
export type WithoutNulls<T> = { [K in keyof T]: Exclude<T[K], null> };

/**
 * GraphQL clients commonly send null for an optional argument they leave out: the read operations of the community take it
 * as absent (the services tell "given" from "absent" by undefined).
 */
export function withoutNulls<T extends object>(args: T): WithoutNulls<T> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) if (value !== null) kept[key] = value;
  return kept as WithoutNulls<T>;
}
