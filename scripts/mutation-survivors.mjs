// Lists the mutants a mutation run left alive (npm run mutation writes reports/mutation/mutation.json), one line
// each with file:line:column, mutator and replacement, so they can be read without opening the HTML report.
// Usage: node scripts/mutation-survivors.mjs [report.json] [file-substring]
import { readFileSync } from 'node:fs';

const [reportPath = 'reports/mutation/mutation.json', only = ''] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const alive = new Set(['Survived', 'NoCoverage']);
for (const [file, { mutants }] of Object.entries(report.files)) {
  if (!file.includes(only)) continue;
  const left = mutants.filter((m) => alive.has(m.status));
  const detected = mutants.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
  const valid = detected + left.length;
  const score = valid ? ((100 * detected) / valid).toFixed(2) : '–';
  console.log(`${file}: ${score} % (${detected} of ${valid} detected, ${left.length} left)`);
  for (const m of left.sort((a, b) => a.location.start.line - b.location.start.line)) {
    const { line, column } = m.location.start;
    const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100);
    console.log(`  ${file}:${line}:${column} ${m.status} ${m.mutatorName}: ${replacement}`);
  }
}
