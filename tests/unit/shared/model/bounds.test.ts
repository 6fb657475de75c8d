import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { payloadSchemas } from '../../../../shared/model/events.ts';
import { envelopeShape } from '../../../../shared/model/envelope.ts';
import { referenceDocSchema } from '../../../../shared/model/reference.ts';
import { createEnrolmentCodeRequestSchema, enrolRequestSchema } from '../../../../shared/sync/enrolment.ts';
import { blankAsAbsent, singleLine } from '../../../../shared/model/limits.ts';
import { unboundedPaths } from './unbounded.ts';

// A future field cannot forget its bound: every string and list reachable in what a desk sends is bounded.

describe('the walker', () => {
  it('finds an unbounded string or list wherever it hides', () => {
    const schema = z.object({
      ok: singleLine(10),
      bare: z.string(),
      inList: z.array(z.string().max(3)),
      nested: z.object({ deep: z.string().optional() }).nullable(),
      piped: z
        .string()
        .max(5)
        .transform((s) => s.trim())
        .pipe(z.string()),
      either: z.discriminatedUnion('k', [
        z.object({ k: z.literal('a'), t: z.string() }),
        z.object({ k: z.literal('b') }),
      ]),
      blank: blankAsAbsent(singleLine(3)),
    });
    expect(unboundedPaths(schema)).toEqual(['$.bare', '$.inList[]', '$.nested.deep', '$.piped', '$.either|0.t']);
  });

  it('does not vouch for what it cannot see into', () => {
    expect(unboundedPaths(z.object({ any: z.record(z.string(), z.number()) }))).toEqual([
      '$.any (a record the walker cannot see into)',
    ]);
    expect(unboundedPaths(z.looseObject({}))).toEqual(['$.* (a unknown the walker cannot see into)']);
  });
});

describe('every string and list a desk sends has a maximum length', () => {
  it.each(Object.entries(payloadSchemas))('%s', (_type, schema) => {
    expect(unboundedPaths(schema)).toEqual([]);
  });

  it('the envelope’s aggregate id and type', () => {
    const { aggregateId, type } = envelopeShape;
    expect(unboundedPaths(z.object({ aggregateId, type }))).toEqual([]);
  });

  it('reference documents', () => {
    expect(unboundedPaths(referenceDocSchema)).toEqual([]);
  });

  it('enrolment requests', () => {
    expect(unboundedPaths(enrolRequestSchema)).toEqual([]);
    expect(unboundedPaths(createEnrolmentCodeRequestSchema)).toEqual([]);
  });
});
