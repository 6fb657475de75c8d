import type { z } from 'zod';

// Walks a zod 4 schema through its definition and names every string or list in it that has no maximum length,
// so a field added later cannot forget its bound (issue 10). A kind of schema the walker does not know is reported
// too: it cannot vouch for what it cannot see into.

type Def = {
  type: string;
  checks?: { _zod: { def: { check: string } } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
};

const LEAVES = new Set(['number', 'boolean', 'literal', 'enum', 'null', 'undefined', 'transform', 'nan', 'never']);
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

function hasMax(def: Def): boolean {
  return (def.checks ?? []).some((c) => c._zod.def.check === 'max_length' || c._zod.def.check === 'length_equals');
}

export function unboundedPaths(schema: z.ZodType, path = '$'): string[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  if (LEAVES.has(def.type)) return [];
  if (WRAPPERS.has(def.type)) return unboundedPaths(def.innerType!, path);
  switch (def.type) {
    case 'string':
      return hasMax(def) ? [] : [path];
    case 'array':
      return [...(hasMax(def) ? [] : [`${path}[]`]), ...unboundedPaths(def.element!, `${path}[i]`)];
    case 'object':
      return [
        // A loose object keeps keys it does not know, with whatever they hold.
        ...(def.catchall ? unboundedPaths(def.catchall, `${path}.*`) : []),
        ...Object.entries(def.shape!).flatMap(([key, value]) => unboundedPaths(value, `${path}.${key}`)),
      ];
    case 'pipe':
      return [...unboundedPaths(def.in!, path), ...unboundedPaths(def.out!, path)];
    case 'union':
      return def.options!.flatMap((option, i) => unboundedPaths(option, `${path}|${i}`));
    case 'intersection':
      return [...unboundedPaths(def.left!, path), ...unboundedPaths(def.right!, path)];
    default:
      return [`${path} (a ${def.type} the walker cannot see into)`];
  }
}
