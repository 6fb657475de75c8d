import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BODY_LIMITS } from '../../../../server/src/http/bodyLimits.ts';
import { complaintActSchema, complaintIntakeSchema } from '../../../../shared/sync/complaintApi.ts';
import { maxJsonBytes, variantsByType } from './schemaBounds.ts';

// The complaint routes' body limit (issue 14), held against what the contract's schemas allow: the largest
// intake or act a desk can send is read, and a schema that grows must not make a clerk's complaint bounce.

type Json = Record<string, unknown>;

describe('the complaint body limit', () => {
  it('takes the largest intake the contract allows', () => {
    const json = z.toJSONSchema(complaintIntakeSchema, { unrepresentable: 'any', io: 'input' }) as Json;
    const largest = maxJsonBytes(json, (json.$defs as Json | undefined) ?? {});
    expect(largest).toBeGreaterThan(6000); // at least the 2,000-character account
    expect(largest).toBeLessThanOrEqual(BODY_LIMITS.complaint);
  });

  it('takes the largest act of every type', () => {
    const { defs, variants } = variantsByType(complaintActSchema);
    expect(variants.size).toBe(13);
    for (const [type, schema] of variants) {
      expect(maxJsonBytes(schema, defs), type).toBeLessThanOrEqual(BODY_LIMITS.complaint);
    }
  });

  it('stays far below a push: a complaint is one act, not a batch', () => {
    expect(BODY_LIMITS.complaint).toBeLessThanOrEqual(64 * 1024);
  });
});
