// The test run Stryker repeats for every mutant (stryker.config.mjs): only the unit tests of shared/, which are
// the ones that prove the domain rules. One plain project, no PostgreSQL, no DOM: a mutant is judged by the
// rules' own tests, and a run of ~1000 mutants stays within minutes on two cores.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/shared/**/*.test.ts'],
    environment: 'node',
    // As in the "unit" project of vitest.config.ts: a few shared tests touch the desk data layer.
    setupFiles: ['fake-indexeddb/auto'],
    // Instrumented code runs several times slower; the 2000-case property tests need more than vitest's 5 s.
    testTimeout: 60_000,
    // Stryker repeats the tests that cover a mutant for each one; building a calendar per generated case 2000
    // times is most of that time. 200 cases still find what the targeted tests miss, in a tenth of it.
    env: { FIRSTDESK_PROPERTY_RUNS: '200' },
  },
});
