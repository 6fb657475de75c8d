// Static security scan of the Electron main process and preload with Electronegativity (fetched by npx, never a
// project dependency). Exits 1 on any HIGH finding, or when the scan cannot prove it read every file.
//
// Electronegativity 1.10.3 has blind spots this script works around rather than trusting a clean report:
// - it skips files it does not recognise (.cjs) or cannot parse without failing: the shipped bundles are scanned as
//   .js copies, and each copy also gets a probe twin ending in a bare `new BrowserWindow({})`, whose
//   CONTEXT_ISOLATION finding proves that exact content was parsed and analysed (and that the CSV was written whole);
// - its BrowserWindow checks (contextIsolation, sandbox, nodeIntegration, preload, Auxclick) only match a bare
//   `new BrowserWindow(...)`, while a CommonJS bundle says `new import_electron.BrowserWindow(...)`: the same sources
//   are also bundled as ES modules, where the constructor keeps its name;
// - it only recognises a CSP written as a string literal; ours is built per desk from the HQ server address, so the
//   policy main sends for the default address is written into a small file for its CSP evaluator to grade.
// It also exits 0 whatever it finds: the CSV is read and graded here.
// `--no-build` scans dist/electron as it is instead of running build:electron first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions, electronBundles, electronOutdir, projectRoot } from './electron-bundles.mjs';

const ELECTRONEGATIVITY = '@doyensec/electronegativity@1.10.3';
// The Electron the app is built against (node_modules/electron/package.json; reading it downloads nothing).
const ELECTRON_VERSION = createRequire(import.meta.url)('electron/package.json').version;
const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const PROBE_STATEMENT = '\n;new BrowserWindow({});\n';

/** npx via the npm that runs this script (`npm run scan:electron`), so Windows needs no shell; else npx on PATH. */
function npx() {
  const npmCli = process.env.npm_execpath;
  const npxCli = npmCli ? path.join(path.dirname(npmCli), 'npx-cli.js') : null;
  return npxCli && existsSync(npxCli)
    ? { command: process.execPath, prefix: [npxCli] }
    : { command: 'npx', prefix: [] };
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, ...options });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function buildShippedBundles() {
  const { code } = await run(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
  if (code !== 0) throw new Error('npm run build:electron failed');
}

/** The policy electron/main/protocol.ts sends with every page, for the default HQ server address. */
async function shippedCsp(workDir) {
  const outfile = path.join(workDir, 'csp.mjs');
  await build({
    stdin: {
      contents:
        "export { buildCsp } from './electron/main/pure/csp.ts';\n" +
        "export { DEFAULT_SERVER_URL } from './electron/main/pure/desk-config.ts';\n",
      resolveDir: projectRoot,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const { buildCsp, DEFAULT_SERVER_URL } = await import(pathToFileURL(outfile).href);
  return buildCsp(DEFAULT_SERVER_URL);
}

/** Lays out what Electronegativity reads; returns the scanned files with what each stands for. */
async function prepareInput(inputDir, workDir) {
  const targets = [];
  for (const bundle of electronBundles) {
    const shipped = path.join(inputDir, 'shipped', `${bundle.name}.js`);
    await mkdir(path.dirname(shipped), { recursive: true });
    await copyFile(path.join(projectRoot, electronOutdir, bundle.outfile), shipped);
    targets.push({ file: shipped, meaning: `${electronOutdir}/${bundle.outfile} (as shipped)` });

    const esm = path.join(inputDir, 'esm', `${bundle.name}.js`);
    await build(bundleOptions(bundle.entry, esm, { format: 'esm', metafile: false }));
    targets.push({ file: esm, meaning: `${bundle.entry} bundled as ES module (same sources)` });
  }
  const csp = await shippedCsp(workDir);
  const cspFile = path.join(inputDir, 'csp', 'policy.js');
  await mkdir(path.dirname(cspFile), { recursive: true });
  await writeFile(cspFile, `details.responseHeaders['content-security-policy'] = ${JSON.stringify(csp)};\n`);
  targets.push({ file: cspFile, meaning: `CSP sent by electron/main/protocol.ts: ${csp}` });

  for (const target of targets) {
    const text = await readFile(target.file, 'utf8');
    target.probe = path.join(inputDir, 'probes', path.relative(inputDir, target.file));
    target.probeLine = text.split('\n').length + 1;
    await mkdir(path.dirname(target.probe), { recursive: true });
    await writeFile(target.probe, text + PROBE_STATEMENT);
  }
  return targets;
}

/** Electronegativity's CSV: a header, then one row per finding; quoted fields double their quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function readFindings(csvText) {
  const [header, ...rows] = parseCsv(csvText);
  const columns = header?.map((name) => name.trim()) ?? [];
  const expected = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];
  if (columns.join(',') !== expected.join(',')) throw new Error(`unexpected CSV header: ${header?.join(',')}`);
  return rows.map((cells) => {
    if (cells.length !== expected.length || !SEVERITIES.includes(cells[1])) {
      throw new Error(`malformed CSV row (the report was not written whole): ${cells.join(',')}`);
    }
    const [id, severity, confidence, file, location, sample, description, url] = cells;
    return { id, severity, confidence, file, location, sample, description, url };
  });
}

/** Proves each file was parsed and analysed, and that no BrowserWindow escaped the constructor checks. */
function checkCoverage(targets, findings, output, inputDir) {
  const problems = [];
  if (/error parsing/i.test(output)) problems.push('Electronegativity reported a file it could not parse (see above)');
  for (const target of targets) {
    const probe = path.relative(inputDir, target.probe);
    const seen = findings.some(
      (finding) =>
        finding.id === 'CONTEXT_ISOLATION_JS_CHECK' &&
        path.normalize(finding.file) === probe &&
        finding.location.startsWith(`${target.probeLine}:`),
    );
    if (!seen) problems.push(`${target.meaning} was not analysed (its probe produced no finding)`);
  }
  return problems;
}

/** Every window the shipped bundle constructs must appear as a bare `new BrowserWindow(` in the ES module view. */
async function checkConstructorsVisible(inputDir) {
  const problems = [];
  for (const bundle of electronBundles) {
    const shipped = await readFile(path.join(inputDir, 'shipped', `${bundle.name}.js`), 'utf8');
    const esm = await readFile(path.join(inputDir, 'esm', `${bundle.name}.js`), 'utf8');
    const constructed = (shipped.match(/new [\w$.]*BrowserWindow\w*\(/g) ?? []).length;
    const visible = (esm.match(/new BrowserWindow\(/g) ?? []).length;
    if (visible !== constructed) {
      problems.push(
        `${bundle.entry}: ${constructed} BrowserWindow construction(s) but ${visible} visible to the scanner ` +
          '(renamed or aliased), so their options would go unchecked',
      );
    }
  }
  return problems;
}

function report(findings, targets, inputDir) {
  const meaningOf = new Map(targets.map((target) => [path.relative(inputDir, target.file), target.meaning]));
  console.log('\nScanned:');
  for (const target of targets) console.log(`  ${path.relative(inputDir, target.file)}  =  ${target.meaning}`);
  for (const severity of SEVERITIES) {
    const group = findings.filter((finding) => finding.severity === severity);
    console.log(`\n${severity}: ${group.length}`);
    for (const finding of group) {
      const where = finding.file === 'N/A' ? 'whole app' : `${finding.file}:${finding.location}`;
      console.log(`  ${finding.id} [${finding.confidence}] ${where}`);
      console.log(`    ${finding.description}`);
      if (finding.sample !== 'N/A') console.log(`    > ${finding.sample.trim().slice(0, 160)}`);
      if (finding.file !== 'N/A' && meaningOf.has(finding.file)) console.log(`    in ${meaningOf.get(finding.file)}`);
      console.log(`    ${finding.url}`);
    }
  }
}

/**
 * Electronegativity writes the CSV header and the rows with two concurrent fs.writeFile calls; now and then the
 * header lands on top of the first row (or, in theory, truncates the rows). A damaged report is detected by
 * readFindings or by missing probe findings, and the scan is run again.
 */
async function scanUntilComplete(inputDir, csvFile, targets) {
  const attempts = 5;
  let last;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    console.log(`Running ${ELECTRONEGATIVITY} (npx may need a minute to fetch it the first time)…`);
    const args = ['-y', ELECTRONEGATIVITY, '-i', inputDir, '-e', ELECTRON_VERSION, '-r', '-o', csvFile];
    await rm(csvFile, { force: true });
    const { command, prefix } = npx();
    const { code, output } = await run(command, [...prefix, ...args]);
    if (code !== 0) throw new Error(`electronegativity exited with ${code}:\n${output}`);
    let all;
    try {
      all = readFindings(await readFile(csvFile, 'utf8'));
    } catch (error) {
      last = { all: [], output, problems: [error.message] };
      console.warn(`  report damaged (${error.message.slice(0, 80)}…); scanning again`);
      continue;
    }
    last = {
      all,
      output,
      problems: [...checkCoverage(targets, all, output, inputDir), ...(await checkConstructorsVisible(inputDir))],
    };
    const probesMissing = last.problems.some((problem) => problem.includes('its probe produced no finding'));
    if (!probesMissing) return last;
    console.warn('  some probe findings are missing from the report; scanning again');
  }
  return last;
}

async function main() {
  const skipBuild = process.argv.includes('--no-build');
  if (!skipBuild) await buildShippedBundles();

  const workDir = await mkdtemp(path.join(tmpdir(), 'firstdesk-scan-'));
  try {
    const inputDir = path.join(workDir, 'input');
    const csvFile = path.join(workDir, 'out.csv');
    const targets = await prepareInput(inputDir, workDir);

    const { all, output, problems } = await scanUntilComplete(inputDir, csvFile, targets);
    if (/No connectivity\?/.test(output)) {
      console.log(
        "\nNote: Electronegativity could not download Electron's release list (offline), so it did not check " +
          `whether Electron ${ELECTRON_VERSION} has newer security fixes.`,
      );
    }
    const findings = all.filter((finding) => !finding.file.startsWith(`probes${path.sep}`));
    report(findings, targets, inputDir);

    const high = findings.filter((finding) => finding.severity === 'HIGH');
    if (problems.length > 0) {
      console.error(`\nThe scan cannot be trusted:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
      console.error(`\nElectronegativity output:\n${output}`);
      process.exitCode = 1;
    } else if (high.length > 0) {
      console.error(`\n${high.length} HIGH finding(s): fix them before shipping.`);
      process.exitCode = 1;
    } else {
      console.log('\nNo HIGH findings; every file was analysed.');
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

await main();
