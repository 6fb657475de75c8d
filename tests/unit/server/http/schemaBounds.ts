import { z } from 'zod';

// What the shared schemas allow at most, read from their JSON Schema: the deepest nesting and the largest JSON
// (in UTF-8 bytes) of any value they accept. Bounds a test can hold the server's limits against.

type Json = Record<string, unknown>;

const asList = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

function resolve(schema: Json, defs: Json, seen: readonly string[]): [Json, readonly string[]] | undefined {
  if (typeof schema.$ref !== 'string') return [schema, seen];
  const name = schema.$ref.split('/').at(-1)!;
  if (seen.includes(name)) return undefined; // recursive: no finite bound from this branch
  return [defs[name] as Json, [...seen, name]];
}

/** Nesting depth of arrays/objects the schema allows (an object holding an array holding objects is 3). */
export function maxDepth(schema: Json, defs: Json = {}, seen: readonly string[] = []): number {
  const found = resolve(schema, defs, seen);
  if (!found) return Infinity;
  const [s, path] = found;
  const branches = [...asList(s.anyOf), ...asList(s.oneOf), ...asList(s.allOf)];
  if (branches.length > 0) return Math.max(...branches.map((b) => maxDepth(b, defs, path)));
  const children = [
    ...Object.values((s.properties as Json | undefined) ?? {}),
    ...(s.items ? [s.items] : []),
  ] as Json[];
  const own = s.type === 'object' || s.type === 'array' ? 1 : 0;
  return own + Math.max(0, ...children.map((c) => maxDepth(c, defs, path)));
}

/** The largest JSON the schema allows, in UTF-8 bytes: every string at its length limit, 3 bytes a character. */
export function maxJsonBytes(schema: Json, defs: Json = {}, seen: readonly string[] = []): number {
  const found = resolve(schema, defs, seen);
  if (!found) return Infinity;
  const [s, path] = found;
  const branches = [...asList(s.anyOf), ...asList(s.oneOf)];
  if (branches.length > 0) return Math.max(...branches.map((b) => maxJsonBytes(b, defs, path)));
  if (s.allOf) return Math.max(...asList(s.allOf).map((b) => maxJsonBytes(b, defs, path)));
  if (s.const !== undefined) return JSON.stringify(s.const).length;
  if (Array.isArray(s.enum)) return Math.max(...s.enum.map((e) => JSON.stringify(e).length));
  switch (s.type) {
    case 'string':
      // A closed format (enum-like pattern) without maxLength stays short; a free text without one is unbounded.
      return typeof s.maxLength === 'number' ? 2 + 3 * s.maxLength : s.pattern || s.format ? 64 : Infinity;
    case 'array': {
      const items = typeof s.maxItems === 'number' ? s.maxItems : Infinity;
      const item = s.items ? maxJsonBytes(s.items as Json, defs, path) : 16;
      return 2 + items * (item + 1);
    }
    case 'object':
      return Object.entries((s.properties as Json | undefined) ?? {}).reduce(
        (sum, [key, value]) => sum + key.length + 4 + maxJsonBytes(value as Json, defs, path),
        2,
      );
    default:
      return 24; // a number, a boolean, null
  }
}

/** Each variant of a discriminated union by its `type`, with the definitions its $refs point at. */
export function variantsByType(schema: z.ZodType): { defs: Json; variants: Map<string, Json> } {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Json;
  const defs = (json.$defs as Json | undefined) ?? {};
  const variants = new Map<string, Json>();
  for (const variant of [...asList(json.anyOf), ...asList(json.oneOf)]) {
    const type = ((variant.properties as Json | undefined)?.type as Json | undefined)?.const;
    if (typeof type === 'string') variants.set(type, variant);
  }
  return { defs, variants };
}
