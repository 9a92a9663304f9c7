// check-notebooks.mjs runs course notebooks the way a student does: in the
// classic Jupyter Notebook UI, in a real (headless) Chromium, with
// Kernel > Restart & Run All. For each notebook it waits until every cell
// has run, checks in the page that no cell errored and that the charts and
// progress bars were drawn, saves a full-page screenshot, and prints one
// line: cells, seconds in the browser, PASS or FAIL. Exits 1 on any failure.
//
// Usage: node check-notebooks.mjs --url http://127.0.0.1:PORT --token T
//          --shots DIR [--timeline-png FILE] NOTEBOOK.ipynb...
// NOTEBOOK names are paths relative to the notebook server's root.
import { chromium } from 'playwright-core';
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as inPage from './in-page.mjs';

// What each notebook must show beyond "no cell errored".
const expected = {
  '00-start-here.ipynb': { charts: true, progress: { min: 1, text: '20 / 20' } },
  '02-handwritten-loop.ipynb': { charts: true },
  '03-news-downloader.ipynb': { charts: true, progress: { min: 1, text: 'sources' } },
  '04-concurrency-from-the-ground-up.ipynb': { charts: true },
  // testdata/: a notebook that must fail every one of these checks.
  'canary-must-fail.ipynb': { charts: true, progress: { min: 1, text: '5 / 5' } },
};

// The screenshot the README shows: the cell of notebook 02 that draws the
// round-robin loop's timeline.
const timeline = { notebook: '02-handwritten-loop.ipynb', chartText: 'Round robin' };

const perNotebookMs = 120_000;
const loadMs = 60_000;

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function main() {
  const { values: opt, positionals: notebooks } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      shots: { type: 'string' },
      'timeline-png': { type: 'string' },
    },
  });
  if (!opt.url || !opt.token || !opt.shots || notebooks.length === 0) {
    console.error('usage: node check-notebooks.mjs --url URL --token TOKEN --shots DIR [--timeline-png FILE] NOTEBOOK...');
    return 2;
  }
  await mkdir(opt.shots, { recursive: true });
  // launch() starts Chromium on a fresh, temporary profile of its own.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  let failed = 0;
  try {
    console.log(`chromium ${browser.version()}`);
    for (const nb of notebooks) {
      const ok = await checkNotebook(browser, opt, nb);
      if (!ok) failed++;
    }
  } finally {
    await browser.close();
  }
  console.log(`browser: ${notebooks.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

// checkNotebook runs one notebook in a new page and prints its line.
async function checkNotebook(browser, opt, nb) {
  const name = basename(nb);
  const want = expected[name] || { charts: false };
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  const start = Date.now();
  let result = { cells: 0, problems: [], charts: 0, progressSeen: 0 };
  try {
    const url = `${opt.url}/notebooks/${nb.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(opt.token)}`;
    await page.goto(url, { waitUntil: 'load', timeout: loadMs });
    await page.waitForFunction(inPage.notebookReady, null, { timeout: loadMs, polling: 250 });
    await page.evaluate(inPage.startRunAll);
    await page.waitForFunction(inPage.runFinished, null, { timeout: perNotebookMs, polling: 500 });
    result = await page.evaluate(inPage.inspectPage, want);
  } catch (err) {
    result.problems.push(`${err.name}: ${err.message.split('\n')[0]}`);
    try {
      const partial = await page.evaluate(inPage.inspectPage, want);
      result.cells = partial.cells;
      result.problems.push(...partial.problems);
    } catch {
      // The page is not a notebook: the first problem says why.
    }
  }
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  await screenshots(page, opt, name, result);
  await shutdownKernels(page, opt);
  await page.close();
  const pass = result.problems.length === 0;
  const extra = want.progress ? `, progress states seen ${result.progressSeen}` : '';
  console.log(`${pass ? 'PASS' : 'FAIL'} ${name}: ${result.cells} code cells, ${seconds} s in the browser, ${result.charts} charts${extra}`);
  for (const p of result.problems) console.log(`    ${p}`);
  for (const e of pageErrors) console.log(`    (page error: ${e})`);
  return pass;
}

// screenshots saves the whole notebook, and for the timeline notebook, when
// it passed, the cell with its chart as the README's picture. A failed
// screenshot is a problem of the notebook's check.
async function screenshots(page, opt, name, result) {
  try {
    await page.evaluate(inPage.unclipPage);
    const file = join(opt.shots, name.replace(/\.ipynb$/, '.png'));
    await page.screenshot({ path: file, fullPage: true });
    console.log(`    screenshot ${file}`);
    if (name !== timeline.notebook || !opt['timeline-png']) return;
    if (result.problems.length > 0) {
      console.log(`    ${opt['timeline-png']} left as it was: the notebook failed`);
      return;
    }
    if (!(await page.evaluate(inPage.markCellWithChart, timeline.chartText))) {
      result.problems.push(`no chart containing ${JSON.stringify(timeline.chartText)} to screenshot`);
      return;
    }
    const cellFile = join(opt.shots, 'timeline-cell.png');
    await page.locator('[data-gk-shot="1"]').screenshot({ path: cellFile });
    await mkdir(dirname(opt['timeline-png']), { recursive: true });
    await copyFile(cellFile, opt['timeline-png']);
    console.log(`    timeline screenshot ${opt['timeline-png']}`);
  } catch (err) {
    result.problems.push(`screenshot: ${err.message.split('\n')[0]}`);
  }
}

// shutdownKernels stops every kernel of the server, so that the next
// notebook's timings do not share the machine with this one's servers.
async function shutdownKernels(page, opt) {
  const headers = { Authorization: `token ${opt.token}` };
  try {
    const res = await page.request.get(`${opt.url}/api/sessions`, { headers });
    for (const s of await res.json()) {
      await page.request.delete(`${opt.url}/api/sessions/${s.id}`, { headers });
    }
  } catch (err) {
    console.log(`    (could not shut the kernel down: ${err.message.split('\n')[0]})`);
  }
}

process.exitCode = await main();
