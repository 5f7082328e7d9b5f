// The lessons in the browser students use: Debian's classic Notebook, driven in Debian's headless
// Chromium by playwright-core (never a browser download). For each lesson: open it, wait for the
// kernel to be idle (failing fast on the dead-kernel icon), Run All, wait for every cell, then check
// that the tables rendered, that no cell shows an error (but those tagged raises-exception), and that
// the Korean notes are drawn in a font with Hangul; a screenshot of each goes to target/screenshots/.
// One more page answers `docker exec -it ... redis-cli` through the notebook's input box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SHOTS, lessons, lessonShowsTables, workCopy, randomPort, randomToken, stopServer, launchChromium,
  drawnFonts, dockerNotebook, restoreLessonImages, runsBeside, lessonRunner,
} from './shared.mjs';
import { startClassic, openInClassic, runAllInClassic } from './frontends.mjs';

const PORT = randomPort();
const TOKEN = randomToken();
const work = workCopy('notebook-browser-');
const notebooks = join(work, 'notebooks');
let server;
let browser;

before(async () => {
  writeFileSync(join(notebooks, '99-input-box.ipynb'), JSON.stringify(inputBoxNotebook()));
  server = await startClassic({ port: PORT, token: TOKEN, work, notebooks });
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  await stopServer(server);
});

function openLesson(name) {
  return openInClassic(browser, { port: PORT, token: TOKEN }, name);
}

// A lesson on servers of its own (lesson 13's cluster) runs in a page of its own beside the others.
const runLesson = lessonRunner(async (lesson) => {
  const page = await openLesson(lesson);
  try {
    await runAllInClassic(page);
    const errors = await page.evaluate(() => Jupyter.notebook.get_cells()
      .filter((c) => c.cell_type === 'code' && !((c.metadata.tags || []).includes('raises-exception')))
      .flatMap((c) => c.output_area.outputs.filter((o) => o.output_type === 'error').map((o) => `${c.get_text()}: ${o.evalue}`)));
    assert.deepEqual(errors, [], `${lesson}: cells with errors`);
    if (lessonShowsTables(lesson)) {
      const tables = await page.locator('.output_area table.docker-table').count();
      assert.ok(tables > 0, `${lesson}: no table rendered`);
    }
    const fonts = await drawnFonts(page, '.text_cell_render p, .text_cell_render li');
    assert.ok(fonts.some((f) => /nanum/i.test(f)), `${lesson}: Korean drawn in ${fonts.join(', ')}`);
    await page.screenshot({ path: join(SHOTS, lesson.replace('.ipynb', '.png')), fullPage: true });
  } finally {
    await page.close();
  }
});

for (const lesson of lessons) {
  test(`lesson ${lesson} runs in the browser`, async () => {
    if (!runsBeside(lesson)) await restoreLessonImages(); // an earlier lesson removes one (docker rmi hello-world)
    await runLesson(lesson);
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
  return dockerNotebook([`docker run -d --name ${name} redis`, `docker exec -it ${name} redis-cli`, `docker rm -f ${name}`]);
}
