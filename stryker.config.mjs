// Mutation testing of the domain rules (README "Mutation testing"): `npm run mutation`, or one file with
// `npm run mutation -- --mutate shared/rules/calendar.ts`. Not part of `npm test`: a full run takes minutes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // The rules that decide working days, deadlines, case and contact states, and the complaint rules (issue 14:
  // who may act, recusal, stage limits). The brace glob tolerates a file that does not exist.
  mutate: [
    'shared/rules/{calendar,deadline,case,caseTimeliness,contact,contactDispositions}.ts',
    'shared/rules/complaint{,Permissions,Deadlines,Views}.ts',
    // Supervision reports (issue 15): the fact rows, figures and the 预警/黄牌/红牌 rules.
    'shared/rules/reports/*.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'scripts/vitest.mutation.config.mjs' },
  coverageAnalysis: 'perTest',
  // Two cores, shared with other work.
  concurrency: 2,
  incremental: false,
  // Only what the unit tests of shared/ import is needed in the sandbox.
  ignorePatterns: [
    '/dist',
    '/test-results',
    '/playwright-report',
    '/release',
    '/build',
    '/data',
    '/reports',
    '/tests/e2e',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
