// The lessons in the browser students use: Debian's classic Notebook, driven in Debian's headless
// Chromium by playwright-core (never a browser download). For each lesson: open it, wait for the
// kernel to be idle (failing fast on the dead-kernel icon), Run All, wait for every cell, then check
// that the tables rendered, that no cell shows an error (but those tagged raises-exception), and that
// the Korean notes are drawn in a font with Hangul; a screenshot of each goes to target/screenshots/.
// One more page answers `docker exec -it ... redis-cli` through the notebook's input box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(new URL('../../../../', import.meta.url).pathname);
const SHOTS = join(ROOT, 'target', 'screenshots');
const PORT = 18000 + Math.floor(Math.random() * 1000);
const TOKEN = 'lessons-' + Math.random().toString(36).slice(2);
const work = mkdtempSync(join(tmpdir(), 'notebook-browser-'));
const notebooks = join(work, 'notebooks');
let server;
let browser;

const lessons = readdirSync(join(ROOT, 'notebooks')).filter((n) => n.endsWith('.ipynb')).sort();

async function waitForServer() {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/api/kernelspecs?token=${TOKEN}`);
      if (response.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the Notebook server did not start');
}

before(async () => {
  cpSync(join(ROOT, 'notebooks'), notebooks, { recursive: true });
  writeFileSync(join(notebooks, '99-input-box.ipynb'), JSON.stringify(inputBoxNotebook()));
  mkdirSync(SHOTS, { recursive: true });
  const env = {
    ...process.env,
    JUPYTER_RUNTIME_DIR: join(work, 'runtime'),
    JUPYTER_CONFIG_DIR: join(work, 'config'),
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
  server = spawn('/usr/bin/jupyter', ['notebook', '--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${PORT}`,
    `--NotebookApp.token=${TOKEN}`, '--NotebookApp.open_browser=False', `--notebook-dir=${notebooks}`],
  { env, stdio: 'ignore' });
  await waitForServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright starts Chromium with a new empty profile of its own
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) {
    // Stopped by its pid; it shuts its kernels down on SIGTERM.
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
});

async function openLesson(name) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/notebooks/${name}?token=${TOKEN}`);
  // Idle, or fail fast when the kernelspec cannot start (the dead-kernel icon shows within ~1.4 s).
  const state = await page.waitForFunction(() => {
    const icon = document.querySelector('#kernel_indicator_icon');
    if (icon && icon.classList.contains('kernel_dead_icon')) return 'dead';
    const ready = window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected() && icon && icon.classList.contains('kernel_idle_icon');
    return ready ? 'idle' : false;
  }, null, { timeout: 60000, polling: 100 });
  assert.equal(await state.jsonValue(), 'idle', `${name}: the kernel died`);
  return page;
}

async function waitUntilAllRan(page, timeout = 240000) {
  await page.waitForFunction(() => {
    const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const icon = document.querySelector('#kernel_indicator_icon');
    return cells.every((c) => typeof c.input_prompt_number === 'number')
      && icon && icon.classList.contains('kernel_idle_icon');
  }, null, { timeout, polling: 200 });
}

async function hangulFonts(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.text_cell_render p, .text_cell_render li' });
  const families = new Set();
  for (const nodeId of nodeIds.slice(0, 20)) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const font of fonts) families.add(font.familyName);
  }
  return [...families];
}

for (const lesson of lessons) {
  test(`lesson ${lesson} runs in the browser`, async () => {
    const page = await openLesson(lesson);
    try {
      await page.evaluate(() => Jupyter.notebook.execute_all_cells());
      await waitUntilAllRan(page);
      const errors = await page.evaluate(() => Jupyter.notebook.get_cells()
        .filter((c) => c.cell_type === 'code' && !((c.metadata.tags || []).includes('raises-exception')))
        .flatMap((c) => c.output_area.outputs.filter((o) => o.output_type === 'error').map((o) => `${c.get_text()}: ${o.evalue}`)));
      assert.deepEqual(errors, [], `${lesson}: cells with errors`);
      const source = readFileSync(join(ROOT, 'notebooks', lesson), 'utf8');
      if (/docker (ps|images|history)/.test(source)) {
        const tables = await page.locator('.output_area table.docker-table').count();
        assert.ok(tables > 0, `${lesson}: no table rendered`);
      }
      const fonts = await hangulFonts(page);
      assert.ok(fonts.some((f) => /nanum/i.test(f)), `${lesson}: Korean drawn in ${fonts.join(', ')}`);
      await page.screenshot({ path: join(SHOTS, lesson.replace('.ipynb', '.png')), fullPage: true });
    } finally {
      await page.close();
    }
  });
}

test('docker exec -it is answered through the notebook input box', async () => {
  const page = await openLesson('99-input-box.ipynb');
  try {
    const run = async (index) => page.evaluate((i) => { Jupyter.notebook.select(i); Jupyter.notebook.execute_cell(); }, index);
    await run(0);
    await page.waitForFunction(() => typeof Jupyter.notebook.get_cell(0).input_prompt_number === 'number', null, { timeout: 60000 });
    await run(1);
    const box = page.locator('input.raw_input');
    await box.waitFor({ timeout: 30000 });
    await box.fill('ping');
    await box.press('Enter');
    await page.locator('input.raw_input').waitFor({ timeout: 30000 });
    await page.locator('input.raw_input').press('Enter'); // an empty answer ends the session
    await page.waitForFunction(() => typeof Jupyter.notebook.get_cell(1).input_prompt_number === 'number', null, { timeout: 60000 });
    const text = await page.evaluate(() => Jupyter.notebook.get_cell(1).output_area.outputs
      .map((o) => o.text || '').join(''));
    assert.match(text, /PONG/);
    await page.screenshot({ path: join(SHOTS, '99-input-box.png'), fullPage: true });
    await run(2);
    await page.waitForFunction(() => typeof Jupyter.notebook.get_cell(2).input_prompt_number === 'number', null, { timeout: 60000 });
  } finally {
    await page.close();
  }
});

function inputBoxNotebook() {
  const name = 'browser-redis-' + Math.random().toString(36).slice(2, 8);
  const code = (source) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source });
  return {
    cells: [code(`docker run -d --name ${name} redis`), code(`docker exec -it ${name} redis-cli`), code(`docker rm -f ${name}`)],
    metadata: { kernelspec: { name: 'docker', display_name: 'Docker', language: 'docker' } },
    nbformat: 4,
    nbformat_minor: 4,
  };
}
