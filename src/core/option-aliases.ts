import { z } from 'zod';

/**
 * An options schema that also accepts old spellings of its keys (renamed options, kept for one
 * release): an alias is renamed to its key before validation, unless the key itself is given too
 * (then the alias stays and the strict schema reports it as unknown, naming the key).
 */
export function withKeyAliases<Schema extends z.ZodType>(
  schema: Schema,
  aliases: Readonly<Record<string, string>>,
): ReturnType<typeof z.preprocess<unknown, Schema>> {
  return z.preprocess((input) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
    const renamed: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    for (const [alias, key] of Object.entries(aliases)) {
      if (alias in renamed && !(key in renamed)) {
        renamed[key] = renamed[alias];
        delete renamed[alias];
      }
    }
    return renamed;
  }, schema);
}
