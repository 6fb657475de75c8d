import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Unit tests import electron/main/pure/* in plain Node, where requiring 'electron' would start a binary download.
const pureDir = new URL('../../../../../electron/main/pure/', import.meta.url);

describe('electron/main/pure', () => {
  it('imports electron for types only', () => {
    for (const name of readdirSync(pureDir).filter((file) => file.endsWith('.ts'))) {
      const source = readFileSync(new URL(name, pureDir), 'utf8');
      expect(source, name).not.toMatch(/^import (?!type )[^;]*from 'electron'/m);
      expect(source, name).not.toMatch(/require\('electron'\)/);
    }
  });
});
