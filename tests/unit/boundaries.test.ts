import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering of DESIGN.md is enforced by lint, not by hope: these snippets must fail where they stand.
const eslint = new ESLint();

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('process boundaries', () => {
  it.each([
    ['react', "import { useState } from 'react';\nexport const x = useState;"],
    ['dexie', "import { Dexie } from 'dexie';\nexport const x = Dexie;"],
    ['electron', "import { app } from 'electron';\nexport const x = app;"],
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
  ])('rejects an import of %s from shared/', async (_name, code) => {
    expect(await errorsFor('shared/rules/bad.ts', code)).toContain('no-restricted-imports');
  });

  it('rejects DOM globals in shared/', async () => {
    expect(await errorsFor('shared/rules/bad.ts', 'export const w = window.innerWidth;')).toContain(
      'no-restricted-globals',
    );
  });

  it('rejects renderer/ imported from electron/ or server/', async () => {
    const code = "import { openDeskDb } from '../../renderer/data/db.ts';\nexport const x = openDeskDb;";
    expect(await errorsFor('electron/main/bad.ts', code)).toContain('no-restricted-imports');
    expect(await errorsFor('server/src/bad.ts', code)).toContain('no-restricted-imports');
  });

  it('keeps Dexie inside renderer/data and zustand inside renderer/stores', async () => {
    expect(
      await errorsFor('renderer/features/bad.tsx', "import { Dexie } from 'dexie';\nexport const x = Dexie;"),
    ).toContain('no-restricted-imports');
    expect(
      await errorsFor('renderer/features/bad.tsx', "import { create } from 'zustand';\nexport const x = create;"),
    ).toContain('no-restricted-imports');
    expect(await errorsFor('renderer/data/ok.ts', "import { Dexie } from 'dexie';\nexport const x = Dexie;")).toEqual(
      [],
    );
  });

  it('accepts shared code importing only shared code and zod', async () => {
    expect(await errorsFor('shared/rules/ok.ts', "import { z } from 'zod';\nexport const s = z.string();")).toEqual([]);
  });
});
