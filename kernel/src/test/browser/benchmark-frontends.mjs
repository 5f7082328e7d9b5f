// Benchmark: JupyterLab (install/lab) against the classic Notebook 6, side by side on the same engine
// and the same machine load. Server start (process start to the REST API answering, alternating, 3
// each), then each lesson in both, one after the other: open the page, wait for an idle kernel, Run
// All, wait until every cell has finished. Prints seconds and the ratio lab/classic.
//
//   cd kernel/src/test/browser && node benchmark-frontends.mjs     (DOCKER_HOST as install/test sets it)
import { join } from 'node:path';
import {
  lessons, workCopy, randomPort, randomToken, stopServer, launchChromium, restoreLessonImages,
} from './shared.mjs';
import {
  startLab, startClassic, openInLab, runAllInLab, openInClassic, runAllInClassic,
} from './frontends.mjs';

const work = workCopy('frontend-benchmark-');
const notebooks = join(work, 'notebooks');
const seconds = (since) => (performance.now() - since) / 1000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => x.toFixed(1).padStart(6);

const frontends = {
  classic: { start: startClassic, open: openInClassic, runAll: runAllInClassic },
  lab: { start: startLab, open: openInLab, runAll: runAllInLab },
};

const startTimes = { classic: [], lab: [] };
for (let round = 0; round < 3; round++) {
  for (const [name, frontend] of Object.entries(frontends)) {
    const server = { port: randomPort(), token: randomToken(), work, notebooks };
    const since = performance.now();
    const process = await frontend.start(server);
    startTimes[name].push(seconds(since));
    await stopServer(process);
  }
}
console.log(`server start (median of 3): classic ${fmt(median(startTimes.classic))} s  lab ${fmt(median(startTimes.lab))} s`
  + `  lab/classic ${(median(startTimes.lab) / median(startTimes.classic)).toFixed(2)}`);

const servers = {};
for (const [name, frontend] of Object.entries(frontends)) {
  servers[name] = { port: randomPort(), token: randomToken(), work, notebooks };
  servers[name].process = await frontend.start(servers[name]);
}
const browser = await launchChromium();
const context = await browser.newContext(); // both front ends load their scripts once
const totals = { classic: 0, lab: 0 };
try {
  console.log('lesson                              classic s   lab s   lab/classic');
  for (const lesson of lessons) {
    const took = {};
    for (const [name, frontend] of Object.entries(frontends)) {
      await restoreLessonImages();
      const since = performance.now();
      const page = await frontend.open(context, servers[name], lesson);
      await frontend.runAll(page);
      took[name] = seconds(since);
      totals[name] += took[name];
      await page.close();
    }
    console.log(`${lesson.padEnd(36)}${fmt(took.classic)}   ${fmt(took.lab)}   ${(took.lab / took.classic).toFixed(2)}`);
  }
  console.log(`${'all lessons'.padEnd(36)}${fmt(totals.classic)}   ${fmt(totals.lab)}   ${(totals.lab / totals.classic).toFixed(2)}`);
} finally {
  await browser.close();
  for (const server of Object.values(servers)) await stopServer(server.process);
}
