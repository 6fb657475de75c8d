import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, MAX_EVERYDAY_EVENT_BYTES } from '../../../../server/src/http/bodyLimits.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../../../server/src/http/jsonBody.ts';
import { deskEventSchema } from '../../../../shared/model/events.ts';
import { MAX_EVENT_BYTES } from '../../../../shared/model/eventSize.ts';
import { MAX_PUSH_BYTES } from '../../../../shared/sync/protocol.ts';
import { PUSH_BATCH } from '../../../../renderer/data/sync.ts';
import { maxDepth, maxJsonBytes, variantsByType } from './schemaBounds.ts';

// The server's body limits and JSON depth, held against what the shared schemas allow (issue 10, item 5): a
// schema that grows must not make legitimate pushes bounce.

const { defs, variants } = variantsByType(deskEventSchema);
const everyday = [...variants].filter(([type]) => type.startsWith('contact.') || type.startsWith('case.'));

describe('the push body limit', () => {
  it('is the bound the desk fills its pushes to, and holds 31 events of the largest size', () => {
    expect(BODY_LIMITS.push).toBe(MAX_PUSH_BYTES);
    expect(31 * MAX_EVENT_BYTES + 1024).toBeLessThanOrEqual(BODY_LIMITS.push);
  });

  it('takes a batch of 200 of the largest contact and case events, as desks that count events alone send', () => {
    expect(everyday.length).toBeGreaterThan(20);
    const largest = Math.max(...everyday.map(([, schema]) => maxJsonBytes(schema, defs)));
    expect(largest).toBeLessThanOrEqual(MAX_EVERYDAY_EVENT_BYTES);
    expect(PUSH_BATCH * largest + 1024).toBeLessThan(BODY_LIMITS.push);
  });

  it('takes the largest catalog item, calendar year and settings, each many times over', () => {
    const types = [
      'catalog.itemSaved',
      'catalog.itemPublished',
      'calendar.yearProposed',
      'calendar.yearConfirmed',
      'settings.saved',
    ];
    for (const type of types) {
      expect(maxJsonBytes(variants.get(type)!, defs), type).toBeLessThan(BODY_LIMITS.push / 50);
    }
  });

  it('keeps enrolment and admin calls to about a kilobyte', () => {
    expect(BODY_LIMITS.enrol).toBe(1024);
    expect(BODY_LIMITS.admin).toBeLessThanOrEqual(4096);
    expect(BODY_LIMITS.default).toBeLessThanOrEqual(BODY_LIMITS.enrol);
  });
});

describe('the JSON depth bound', () => {
  it('is above the deepest legitimate push: body → events → the deepest event', () => {
    const deepestEvent = Math.max(...[...variants.values()].map((schema) => maxDepth(schema, defs)));
    expect(deepestEvent + 2).toBeLessThanOrEqual(MAX_JSON_DEPTH);
  });

  it('counts arrays and objects, not brackets inside strings', () => {
    expect(nestsDeeperThan('[[{"a":[1]}]]', 4)).toBe(false);
    expect(nestsDeeperThan('[[{"a":[[1]]}]]', 4)).toBe(true);
    expect(nestsDeeperThan(`{"matter":"${'['.repeat(100)}"}`, 1)).toBe(false);
    expect(nestsDeeperThan(String.raw`["\"[[[[", "\\", [[]]]`, 3)).toBe(false);
    expect(nestsDeeperThan(String.raw`["\"[[[[", "\\", [[[]]]]`, 3)).toBe(true);
    expect(nestsDeeperThan('['.repeat(3_000_000), MAX_JSON_DEPTH)).toBe(true);
  });
});
