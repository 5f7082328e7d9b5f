// A student in the classroom, in Debian's headless Chromium (driven by the classroom suite,
// kernel/src/test/classroom/test_classroom_lab.py): logs in to the hub with the password, lands in
// JupyterLab on the lessons, opens lesson 07 and runs its first two cells (the page's file, then
// `docker run -d -p 127.0.0.1:8080:80 ... busybox httpd`), and follows the link that cell shows to the
// page through /user/NAME/proxy/8080/. Screenshots: target/screenshots/classroom-lab.png and
// classroom-proxy.png. Prints what it saw as one JSON line.
//
//   node classroom.mjs BASE_URL NAME PASSWORD
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, launchChromium } from './shared.mjs';

const [base, name, password] = process.argv.slice(2);
const LESSON = '07-ports-volumes-networks.ipynb';
const seen = {};
mkdirSync(SHOTS, { recursive: true });
const browser = await launchChromium();
let page;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(`${base}/hub/login`);
  await page.fill('#username_input', name);
  await page.fill('#password_input', password);
  await page.click('#login_submit');
  // The hub spawns the server (a few seconds), then the browser signs in to it and lands in JupyterLab.
  await page.waitForURL(new RegExp(`/user/${name}/lab`), { timeout: 180000 });
  seen.landed = new URL(page.url()).pathname;
  await page.waitForSelector('.jp-DirListing-item', { timeout: 120000 });
  seen.listed = await page.$$eval('.jp-DirListing-itemText', (els) => els.map((e) => e.textContent.trim()));

  await page.goto(`${base}/user/${name}/lab/tree/lessons/${LESSON}`);
  const cells = page.locator('.jp-Notebook .jp-CodeCell');
  await cells.first().waitFor({ timeout: 120000 });
  // A cell run before the kernel is ready is not run: wait for the status bar's "Docker | Idle".
  await page.waitForFunction(() => /Docker \| Idle/.test(document.body.innerText), null, { timeout: 180000 });
  for (const i of [0, 1]) {
    const cell = cells.nth(i);
    await cell.locator('.jp-InputArea-editor').click();
    await page.keyboard.press('Shift+Enter');
    await cell.locator('.jp-InputArea-prompt').filter({ hasText: /\[\d+\]/ }).waitFor({ timeout: Number(process.env.CELL_TIMEOUT || 180000) });
  }
  seen.firstOutput = (await cells.nth(0).locator('.jp-OutputArea').innerText()).trim();
  const link = cells.nth(1).locator('.jp-OutputArea a[href*="/proxy/"]');
  await link.waitFor({ timeout: 60000 });
  seen.link = await link.getAttribute('href');
  await cells.nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'classroom-lab.png') });

  // The link opens in a new tab, with the student's login to the server.
  const opened = context.waitForEvent('page');
  await link.click();
  const web = await opened;
  await web.waitForLoadState('load');
  seen.proxyUrl = new URL(web.url()).pathname;
  seen.proxyText = (await web.locator('body').innerText()).trim();
  await web.screenshot({ path: join(SHOTS, 'classroom-proxy.png') });
} catch (e) {
  seen.error = String(e && e.message || e).split('\n')[0];
  if (page) await page.screenshot({ path: join(SHOTS, 'classroom-failed.png') }).catch(() => {});
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
