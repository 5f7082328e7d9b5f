// The two front ends a student may meet, each as: start its server, open a notebook and wait for an
// idle kernel, Run All and wait until every cell has finished. Used by the suites and the benchmark.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, SHOTS, startServer } from './shared.mjs';

/** The JupyterLab of install/lab (built by install/lab/build), with the app exposed to the page. */
export function startLab({ port, token, work, notebooks }) {
  return startServer('/usr/bin/python3', [join(ROOT, 'install', 'lab', 'lab_app.py'),
    '--ServerApp.ip=127.0.0.1', `--ServerApp.port=${port}`, '--ServerApp.port_retries=0',
    // Its debug log names each kernel's websocket and nudge, for a notebook that does not open.
    '--ServerApp.log_level=DEBUG',
    `--ServerApp.token=${token}`, '--ServerApp.allow_root=True', '--ServerApp.open_browser=False',
    `--ServerApp.root_dir=${notebooks}`, '--DockerLessonsLab.expose_app=True',
    `--DockerLessonsLab.user_settings_dir=${join(work, 'user-settings')}`,
    `--DockerLessonsLab.workspaces_dir=${join(work, 'workspaces')}`], { port, token, work, log: 'lab-server.log' });
}

/** Debian's classic Notebook 6. */
export function startClassic({ port, token, work, notebooks }) {
  return startServer('/usr/bin/jupyter', ['notebook', '--no-browser', '--allow-root', '--ip=127.0.0.1',
    `--port=${port}`, '--NotebookApp.port_retries=0', `--NotebookApp.token=${token}`,
    '--NotebookApp.open_browser=False', `--notebook-dir=${notebooks}`], { port, token, work, log: 'notebook-server.log' });
}

/**
 * Opens a notebook in JupyterLab, in a workspace of its own, once its kernel is connected and idle.
 * `where` is a browser or, better, one context for all pages: its HTTP cache keeps the application's
 * 19 MB of scripts between pages.
 */
export async function openInLab(where, { port, token }, name) {
  const page = await where.newPage({ viewport: { width: 1280, height: 900 } });
  // The kernel's websockets as the browser saw them, for the message when the kernel never shows idle.
  const sockets = [];
  page.on('websocket', (ws) => {
    const seen = { url: ws.url().replace(/\?.*/, ''), opened: Math.round(performance.now()), frames: [], closed: null };
    sockets.push(seen);
    const frame = (direction) => ({ payload }) => {
      if (seen.frames.length < 20) seen.frames.push(`${direction} ${Math.round(performance.now())} ${typeof payload === 'string' ? payload.slice(0, 160) : `${payload.length} bytes`}`);
    };
    ws.on('framesent', frame('>'));
    ws.on('framereceived', frame('<'));
    ws.on('socketerror', (e) => seen.frames.push(`error ${e}`));
    ws.on('close', () => { seen.closed = Math.round(performance.now()); });
  });
  const workspace = 'w' + Math.random().toString(36).slice(2, 8);
  // Not 'load': on a busy machine the first load of the scripts alone can pass 30 s.
  await page.goto(`http://127.0.0.1:${port}/lab/workspaces/${workspace}/tree/${name}?token=${token}`,
    { waitUntil: 'commit', timeout: 60000 });
  let state;
  try {
    state = await page.waitForFunction((path) => {
      const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
      if (!panel || !panel.context || panel.context.path !== path || !panel.sessionContext) return false;
      const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
      if (!kernel) return false;
      if (kernel.status === 'dead' || kernel.status === 'autorestarting') return 'dead';
      return kernel.status === 'idle' && kernel.connectionStatus === 'connected' ? 'idle' : false;
    }, name, { timeout: 120000, polling: 100 });
  } catch (error) {
    throw new Error(`${name} did not open with an idle kernel: ${await labState(page, name)}; `
      + `websockets (ms since the test began): ${JSON.stringify(sockets)}`, { cause: error });
  }
  assert.equal(await state.jsonValue(), 'idle', `${name}: the kernel died`);
  // The kernel's life as JupyterLab saw it (restarts, lost connections), for the failure messages.
  await page.evaluate(() => {
    const session = window.jupyterapp.shell.currentWidget.sessionContext;
    window.kernelLog = [];
    const note = (what) => window.kernelLog.push(`${Math.round(performance.now())} ms ${what}`);
    session.statusChanged.connect((_, status) => { if (!['busy', 'idle'].includes(status)) note(status); });
    session.connectionStatusChanged.connect((_, status) => note(`connection ${status}`));
    session.kernelChanged.connect(() => note('kernel changed'));
    // Execute requests sent and answered. JupyterLab 3.6 clears the '*' of every queued cell as soon
    // as one reply is an error (even for a raises-exception cell) while the kernel still runs them,
    // so the prompts alone cannot tell when Run All is over.
    window.executes = { sent: 0, replied: 0, mark: 0 };
    session.statusChanged.connect((_, status) => {
      if (status === 'restarting' || status === 'autorestarting') window.executes.replied = window.executes.sent;
    });
    session.session.kernel.anyMessage.connect((_, { msg, direction }) => {
      if (direction === 'send' && msg.header.msg_type === 'execute_request') window.executes.sent += 1;
      if (direction === 'recv' && msg.header.msg_type === 'execute_reply') {
        window.executes.replied += 1;
        if (msg.content.status !== 'ok') note(`execute_reply ${msg.content.status}`);
      }
    });
  });
  return page;
}

/**
 * What JupyterLab shows when a notebook did not open with an idle kernel: the current widget, its
 * session and kernel, the dialogs on screen; a screenshot goes to target/screenshots/lab-stuck-*.png.
 */
async function labState(page, name) {
  try {
    await page.screenshot({ path: join(SHOTS, `lab-stuck-${name.replace(/\W+/g, '-')}.png`) });
  } catch { /* the page is gone */ }
  try {
    return await page.evaluate(() => {
      const app = window.jupyterapp;
      if (!app) return JSON.stringify({ app: 'not loaded', url: location.href });
      const widget = app.shell.currentWidget;
      const session = widget && widget.sessionContext;
      const kernel = session && session.session && session.session.kernel;
      return JSON.stringify({
        widget: widget ? `${widget.constructor.name} ${widget.title.label}` : null,
        path: widget && widget.context ? widget.context.path : null,
        session: session ? { ready: session.isReady, status: session.kernelDisplayStatus, kernelName: session.kernelPreference.name } : null,
        kernel: kernel ? { id: kernel.id, name: kernel.name, status: kernel.status, connection: kernel.connectionStatus } : null,
        dialogs: [...document.querySelectorAll('.jp-Dialog')].map((d) => d.innerText.slice(0, 300)),
        widgets: (() => {
          const labels = [];
          const it = app.shell.widgets('main');
          for (let w = it.next(); w; w = it.next()) labels.push(w.title.label);
          return labels;
        })(),
      });
    });
  } catch (error) {
    return `(the page did not answer: ${error.message})`;
  }
}

/** What happened to the kernel since the page opened it (statuses other than busy and idle). */
export function labKernelLog(page) {
  return page.evaluate(() => window.kernelLog || []);
}

/** Runs a JupyterLab command on the current notebook, as its menu item or shortcut would. */
export function labCommand(page, id, args = {}) {
  return page.evaluate(([id, args]) => { window.jupyterapp.commands.execute(id, args); }, [id, args]);
}

/** Notes how many execute requests went out so far: waitUntilSettledInLab then waits for a new one. */
export function markExecutesInLab(page) {
  return page.evaluate(() => { window.executes.mark = window.executes.sent; });
}

/**
 * Resolves when an execute request went out since the mark, every request has its reply, no cell
 * shows '*' and the kernel is idle.
 */
export async function waitUntilSettledInLab(page, timeout = 240000) {
  await page.waitForFunction(() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const { sent, replied, mark } = window.executes;
    const busy = panel.content.widgets.some((c) => c.model.type === 'code' && c.promptNode.textContent.includes('*'));
    return sent > mark && replied >= sent && !busy && panel.sessionContext.session.kernel.status === 'idle';
  }, null, { timeout, polling: 200 });
}

/** Run > Run All Cells in JupyterLab, from cleared outputs, until every cell has settled. */
export async function runAllInLab(page) {
  await labCommand(page, 'notebook:clear-all-cell-outputs');
  await markExecutesInLab(page);
  await labCommand(page, 'notebook:run-all-cells');
  await waitUntilSettledInLab(page);
}

/** Opens a notebook in Notebook 6 once its kernel is idle; fails fast on the dead-kernel icon. */
export async function openInClassic(browser, { port, token }, name) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/notebooks/${name}?token=${token}`);
  // The dead-kernel icon shows within ~1.4 s when the kernelspec cannot start.
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

/** Resolves when every Notebook 6 code cell has a prompt number and the kernel is idle. */
export async function waitUntilAllRanInClassic(page, timeout = 240000) {
  await page.waitForFunction(() => {
    const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const icon = document.querySelector('#kernel_indicator_icon');
    return cells.every((c) => typeof c.input_prompt_number === 'number')
      && icon && icon.classList.contains('kernel_idle_icon');
  }, null, { timeout, polling: 200 });
}

/** Cell > Run All in Notebook 6, until every cell has run. */
export async function runAllInClassic(page) {
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  await waitUntilAllRanInClassic(page);
}
