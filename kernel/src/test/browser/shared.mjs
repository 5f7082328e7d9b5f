// What the browser suites share: the project's folders, a Jupyter server started and stopped by pid,
// Debian's Chromium through playwright-core, and the fonts Chromium really drew a node with.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(new URL('../../../../', import.meta.url).pathname);
export const SHOTS = join(ROOT, 'target', 'screenshots');
export const REPORTS = join(ROOT, 'target', 'test-reports');

export const lessons = readdirSync(join(ROOT, 'notebooks')).filter((n) => n.endsWith('.ipynb')).sort();

/** Lessons that list containers, images or history show at least one HTML table. */
export function lessonShowsTables(lesson) {
  // a code line that lists as a table: ps, images or history, unless --format asks for other text or
  // -q for IDs (lesson 11 lists only with --format, and its notes name `docker ps` in prose)
  const notebook = JSON.parse(readFileSync(join(ROOT, 'notebooks', lesson), 'utf8'));
  return notebook.cells.filter((c) => c.cell_type === 'code')
    .flatMap((c) => [].concat(c.source).join('').split('\n'))
    .some((line) => /docker (ps|images|history)\b/.test(line)
      && !/--format[ =]['"]?(?!['"]|table)|\s-q\b|--quiet/.test(line));
}

/**
 * Whether a lesson uses servers of its own and never the lessons engine, so that a suite runs it beside
 * the other lessons, as install/lessons does: its notebook's metadata says
 * {"docker_lessons": {"engine": "cluster"}} (lesson 13, on node1..node3 of install/cluster).
 */
export function runsBeside(lesson) {
  const notebook = JSON.parse(readFileSync(join(ROOT, 'notebooks', lesson), 'utf8'));
  const own = (notebook.metadata || {}).docker_lessons;
  return Boolean(own) && own.engine === 'cluster';
}

/**
 * Runs lessons with check(lesson): the lessons that run beside the others start together with the
 * first lesson asked for, and asking for one of them later gives the promise of that earlier run (its
 * own test reports it). Every other lesson runs when asked.
 */
export function lessonRunner(check) {
  const early = new Map();
  let started = false;
  return (lesson) => {
    if (!started) {
      started = true;
      for (const other of lessons.filter(runsBeside)) {
        const run = check(other);
        run.catch(() => {}); // awaited, and so reported, by its own test
        early.set(other, run);
      }
    }
    return early.has(lesson) ? early.get(lesson) : check(lesson);
  };
}

/** The lesson images (hello-world, busybox, redis, registry) back in the engine at DOCKER_HOST. */
export function restoreLessonImages() {
  // Not execFileSync: a lesson running beside (lesson 13) is driven by this same event loop meanwhile.
  return new Promise((done, failed) => {
    execFile(join(ROOT, 'install', 'lesson-images'), (error) => (error ? failed(error) : done()));
  });
}

/** A scratch folder with a copy of notebooks/ (cells write files next to their notebook). */
export function workCopy(prefix) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(ROOT, 'notebooks'), join(work, 'notebooks'), { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  return work;
}

export function randomPort() {
  return 18000 + Math.floor(Math.random() * 2000);
}

export function randomToken() {
  return 'lessons-' + Math.random().toString(36).slice(2);
}

/**
 * Starts a Jupyter server and resolves once its REST API answers with the token. Its log (and its
 * kernels' stderr) goes to target/test-reports/`log`, for the failure that needs it.
 */
export async function startServer(command, args, { port, token, work, env = {}, log = 'server.log' }) {
  mkdirSync(REPORTS, { recursive: true });
  const out = openSync(join(REPORTS, log), 'w');
  const server = spawn(command, args, {
    env: {
      ...process.env,
      JUPYTER_RUNTIME_DIR: join(work, 'runtime'),
      JUPYTER_CONFIG_DIR: join(work, 'config'),
      PYDEVD_DISABLE_FILE_VALIDATION: '1',
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${command} ${args[0]} exited with ${server.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/kernelspecs?token=${token}`);
      if (response.ok) return server;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill('SIGTERM');
  throw new Error(`${command} ${args[0]} did not answer on port ${port}`);
}

/** Stops the server by its pid; on SIGTERM it shuts its kernels down. */
export async function stopServer(server) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (server.exitCode === null) server.kill('SIGKILL');
}

/** Debian's Chromium (never a browser download); playwright gives it a new empty profile. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The font families Chromium drew the first nodes matching selector with (Hangul needs Nanum here). */
export async function drawnFonts(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const families = new Set();
  for (const nodeId of nodeIds.slice(0, 20)) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const font of fonts) families.add(font.familyName);
  }
  await cdp.detach();
  return [...families];
}

/** A notebook for the Docker kernel made of code cells (a string, or [source, tags]). */
export function dockerNotebook(cells) {
  return {
    cells: cells.map((cell) => {
      const [source, tags] = Array.isArray(cell) ? cell : [cell, []];
      return { cell_type: 'code', metadata: tags.length ? { tags } : {}, execution_count: null, outputs: [], source };
    }),
    metadata: { kernelspec: { name: 'docker', display_name: 'Docker', language: 'docker' } },
    nbformat: 4,
    nbformat_minor: 4,
  };
}
