// Shared by every browser test file: builds a demo database with the real binary, adds the test's
// accounts, serves it on a free loopback port, launches Chromium, and stops the server (a server that
// does not stop within 15 s of SIGTERM fails the test).
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export const BIN = process.env.GAZETTE_BIN || '/work/main/build/gazette';
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 15_000;

// A gazette process sees no GAZETTE_* variable from the caller, and logs no requests.
export function gazetteEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GAZETTE_')));
  env.GAZETTE_ACCESS_LOG = 'false';
  return env;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// `gazette users add`, with the password on stdin as an administrator would pipe it.
function addUser(db, { email, password, role, name }) {
  return new Promise((resolve, reject) => {
    const child = execFile(BIN, ['--db', db, 'users', 'add', email, '--name', name, '--role', role],
                           { env: gazetteEnv(), timeout: 60_000 },
                           (err, _stdout, stderr) => (err ? reject(new Error(`users add: ${stderr}`)) : resolve()));
    child.stdin.end(`${password}\n`);
  });
}

// Headless Debian Chromium, as every browser test file launches it.
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Starts `gazette serve` on a fresh demo database with `users` ({ email, password, role, name })
// added; returns { baseURL, stop() }. stop() throws when the server needed SIGKILL.
export async function startDemoServer({ articles = 300, jobs = 300, users = [] } = {}) {
  const workDir = await mkdtemp(path.join(tmpdir(), 'gazette-browser-'));
  const db = path.join(workDir, 'site.db');
  await promisify(execFile)(BIN, ['--db', db, 'demo-data', '--articles', String(articles), '--jobs', String(jobs),
                                  '--quiet'], { env: gazetteEnv(), timeout: 120_000 });
  for (const user of users) await addUser(db, user);
  const port = await freePort();
  const baseURL = `http://${HOST}:${port}`;
  let stderr = '';
  const server = spawn(BIN, ['--db', db, 'serve', '--listen', `${HOST}:${port}`],
                       { env: gazetteEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-8192); });
  const exit = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));
  let exited = null;
  exit.then((code) => { exited = code; });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      let timer;
      const timedOut = new Promise((resolve) => { timer = setTimeout(resolve, STOP_TIMEOUT_MS, 'timeout'); });
      const result = await Promise.race([exit, timedOut]);
      clearTimeout(timer);
      if (result === 'timeout') {
        server.kill('SIGKILL');
        await exit;
        await rm(workDir, { recursive: true, force: true });
        throw new Error(`gazette serve did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM`);
      }
    }
    await rm(workDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== null) {
      await stop();
      throw new Error(`gazette serve exited (${exited}) before it was healthy:\n${stderr}`);
    }
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return { baseURL, stop };
    } catch { /* not listening yet */ }
    await sleep(50);
  }
  await stop();
  throw new Error(`gazette serve was not healthy within ${START_TIMEOUT_MS} ms:\n${stderr}`);
}
