// `npm start`: build everything, start the HQ server, then open the desk in Electron — or, on a machine without the
// Electron binary (it is downloaded from the internet, not from npm), leave the same desk served to a browser.
//   PORT (8080), HOST (127.0.0.1), FIRSTDESK_DATA_DIR (./data) go to the server; FIRSTDESK_SKIP_BUILD=1 skips the build.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVER_ENTRY = path.join(root, 'server', 'dist', 'main.mjs');
const CLI_ENTRY = path.join(root, 'server', 'dist', 'cli.mjs');
const BUILT_FILES = [
  SERVER_ENTRY,
  CLI_ENTRY,
  path.join(root, 'dist', 'renderer', 'index.html'),
  path.join(root, 'dist', 'electron', 'main.cjs'),
];
const HEALTH_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const EARLY_EXIT_MS = 10_000;

const port = process.env.PORT || '8080';
const host = process.env.HOST || '127.0.0.1';
const dataDir = path.resolve(root, process.env.FIRSTDESK_DATA_DIR || 'data');

/** Where to reach a server listening on `host`: a wildcard address is reached on loopback. */
function reachableUrl(listenHost, listenPort) {
  const name = listenHost === '0.0.0.0' ? '127.0.0.1' : listenHost === '::' ? '::1' : listenHost;
  return `http://${name.includes(':') ? `[${name}]` : name}:${listenPort}`;
}
const serverUrl = reachableUrl(host, port);

const children = new Set();

function fail(message) {
  console.error(`\n${message}`);
  process.exitCode = 1;
  return stopChildren();
}

function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** npm through the npm running this script (no shell needed on Windows); plain `npm` when run directly. */
function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.js$/.test(npmCli)) return [process.execPath, [npmCli, ...args], {}];
  return ['npm', args, { shell: process.platform === 'win32' }];
}

function runBuild() {
  const [command, args, options] = npmCommand(['run', 'build']);
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { cwd: root, stdio: 'inherit', ...options }));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`npm run build failed (${signal ?? code})`)),
    );
  });
}

/** True when something already accepts connections on host:port (then our server could not listen there). */
function portTaken() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: new URL(serverUrl).hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    const answer = (taken) => {
      socket.destroy();
      resolve(taken);
    };
    socket.setTimeout(1_000);
    socket.once('connect', () => answer(true));
    socket.once('timeout', () => answer(false));
    socket.once('error', () => answer(false));
  });
}

const serverEnv = () => ({ ...process.env, PORT: port, HOST: host, FIRSTDESK_DATA_DIR: dataDir });

function startServer() {
  return track(spawn(process.execPath, [SERVER_ENTRY], { cwd: root, env: serverEnv(), stdio: 'inherit' }));
}

/**
 * A fresh one-time enrolment code from the admin CLI (same data dir), so the person starting the demo can enrol
 * the desk they are about to open. Its own output, or the reason it failed, is returned for printing.
 */
function issueEnrolmentCode() {
  return new Promise((resolve) => {
    const child = track(
      spawn(process.execPath, [CLI_ENTRY, 'enrol-code', '--label', '演示窗口'], {
        cwd: root,
        env: serverEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve(`Could not make an enrolment code: ${error.message}`));
    child.on('exit', (code) =>
      resolve(code === 0 ? output.trim() : `Could not make an enrolment code (exit ${code}):\n${output.trim()}`),
    );
  });
}

async function waitForHealth(server) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `The HQ server stopped before it was ready (exit ${server.exitCode ?? server.signalCode}); see its log above.`,
      );
    }
    try {
      const response = await fetch(`${serverUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = await response.json().catch(() => null);
      if (response.ok && body?.status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The HQ server did not answer ${serverUrl}/healthz within ${HEALTH_TIMEOUT_MS / 1000} s.`);
}

/**
 * The Electron executable if it is on disk, else null. Mirrors node_modules/electron/index.js (45.5.0) without
 * requiring it: that module starts a download when the binary is missing, which hangs or fails offline.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const overrideDir = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = overrideDir
    ? path.join(overrideDir, executable || 'electron')
    : executable && path.join(packageDir, 'dist', executable);
  return candidate && existsSync(candidate) ? candidate : null;
}

function startElectron(binary) {
  const env = { ...process.env, FIRSTDESK_SERVER_URL: serverUrl };
  delete env.ELECTRON_RUN_AS_NODE; // inherited, it would turn Electron into plain Node
  return track(spawn(binary, ['.'], { cwd: root, env, stdio: 'inherit' }));
}

function printBrowserFallback(binaryMissing) {
  const why = binaryMissing
    ? `本机没有 Electron 桌面程序（它需要从互联网下载，而本机无法访问互联网）。
The Electron desktop binary is not available on this machine (it is downloaded from the internet, which this
machine cannot reach).`
    : `Electron 桌面程序无法在本机启动（原因见上）。
The Electron desktop app could not start on this machine (see above).`;
  console.log(`
${why}
同一个首问台已经在浏览器中可用：请打开 ${serverUrl}/
The same desk is running in your browser: open ${serverUrl}/
按 Ctrl+C 停止服务器。 Press Ctrl+C to stop the server.`);
}

/** Asks every child to stop, and kills the ones still running after STOP_TIMEOUT_MS. */
function stopChildren() {
  const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
  return Promise.all(
    running.map(
      (child) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    void stopChildren().then(() => process.exit(process.exitCode ?? 0));
  });
}

async function main() {
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    return fail(`PORT must be a TCP port number from 1 to 65535, got "${port}".`);
  }
  if (process.env.FIRSTDESK_SKIP_BUILD === '1') {
    const missing = BUILT_FILES.filter((file) => !existsSync(file));
    if (missing.length > 0) return fail(`FIRSTDESK_SKIP_BUILD=1 but these are not built:\n  ${missing.join('\n  ')}`);
  } else {
    await runBuild();
  }
  if (stopping) return;

  if (await portTaken()) {
    return fail(
      `Port ${port} on ${host} is already in use (an earlier server still running?). Stop it, or choose another port: PORT=8081 npm start`,
    );
  }
  const server = startServer();
  await waitForHealth(server);
  const enrolment = await issueEnrolmentCode();
  console.log(`\nHQ server ready at ${serverUrl}/ (data in ${dataDir})`);
  console.log(`每台新窗口首次打开时须输入登记码。A new desk asks for an enrolment code the first time it opens:`);
  console.log(`  ${enrolment.replace(/\n/g, '\n  ')}`);
  console.log(`  More codes: npm run enrol -- enrol-code --label 窗口3 · list: npm run enrol -- devices`);
  server.on('exit', (code, signal) => {
    if (stopping) return;
    stopping = true;
    void fail(`The HQ server stopped unexpectedly (${signal ?? code}).`).then(() => process.exit(1));
  });

  const binary = electronBinary();
  if (binary === null) {
    printBrowserFallback(true);
    return;
  }
  console.log(`Opening the desk in Electron (${binary})…`);
  const launchedAt = Date.now();
  let fellBack = false;
  const fallBack = (why) => {
    if (fellBack) return;
    fellBack = true;
    console.error(`\n${why}`);
    printBrowserFallback(false);
  };
  const electron = startElectron(binary);
  electron.on('error', (error) => fallBack(`Electron could not start: ${error.message}`));
  electron.on('exit', (code, signal) => {
    if (stopping || fellBack) return;
    // A failure at start-up (missing system libraries, no display…) still leaves the desk usable in a browser.
    if (code !== 0 && Date.now() - launchedAt < EARLY_EXIT_MS) {
      fallBack(`Electron stopped while starting (${signal ?? code}).`);
      return;
    }
    stopping = true;
    // Closing the desk ends the session: stop the server it was started with.
    void stopChildren().then(() => process.exit(code ?? 1));
  });
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
