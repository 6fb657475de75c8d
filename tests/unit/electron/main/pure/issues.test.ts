import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { serverUrlSchema } from '../../../../../shared/ipc/contract.ts';
import { describeArgumentIssues, describeIssues } from '../../../../../electron/main/pure/issues.ts';

describe('messages for refused input', () => {
  it('names the field and what is wrong with it', () => {
    const result = z.object({ serverUrl: serverUrlSchema }).safeParse({ serverUrl: 'ftp://hq' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeIssues('desk config', result.error)).toBe('desk config: serverUrl: must be an http(s) address');
    }
  });

  it('numbers IPC arguments from 1, the way a caller counts them', () => {
    const result = z.tuple([serverUrlSchema]).safeParse(['ftp://hq']);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeArgumentIssues('desk:set-server-url: invalid arguments', result.error)).toBe(
        'desk:set-server-url: invalid arguments: argument 1: must be an http(s) address',
      );
    }
  });

  it('reports a wrong number of IPC arguments', () => {
    const result = z.tuple([]).safeParse(['unexpected']);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeArgumentIssues('desk:app-info', result.error)).toMatch(/^desk:app-info: /);
  });
});
