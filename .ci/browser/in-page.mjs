// Functions that run inside the notebook page (passed to page.evaluate or
// page.waitForFunction). They see only the page: window.Jupyter is the
// classic Notebook UI's application object. Each must be self-contained:
// Playwright sends its source text to the browser, not its closure.

/** notebookReady is true once the notebook is loaded and its kernel connected. */
export function notebookReady() {
  const nb = window.Jupyter && window.Jupyter.notebook;
  return Boolean(nb && nb._fully_loaded && nb.kernel && nb.kernel.is_connected());
}

/**
 * startRunAll watches every progress bar the page draws from now on, then
 * does what Kernel > Restart & Run All does, without the confirmation
 * dialog. window.__gk holds what the later checks read.
 */
export function startRunAll() {
  const gk = { ranAll: false, failed: '', progressSeen: [] };
  window.__gk = gk;
  new MutationObserver(() => {
    for (const p of document.querySelectorAll('.output_area progress')) {
      const state = `${p.value}/${p.max}`;
      if (gk.progressSeen[gk.progressSeen.length - 1] !== state) gk.progressSeen.push(state);
    }
  }).observe(document.getElementById('notebook'), { childList: true, subtree: true, attributes: true });
  window.Jupyter.notebook
    .restart_run_all({ confirm: false })
    .then(() => { gk.ranAll = true; })
    .catch((err) => { gk.failed = `restart failed: ${err}`; });
}

/**
 * runFinished is true when Run All was started, no cell is queued or running
 * ('*') and the kernel is idle; or when the restart failed.
 */
export function runFinished() {
  const gk = window.__gk;
  if (gk.failed) return true;
  const nb = window.Jupyter.notebook;
  if (!gk.ranAll || nb.kernel_busy) return false;
  return nb.get_cells().every((c) => c.cell_type !== 'code' || c.input_prompt_number !== '*');
}

/**
 * inspectPage checks the executed notebook as it stands in the page and
 * returns {cells, problems, charts, progressSeen}: problems is empty when it
 * passes. want says what this notebook must show: {charts: bool,
 * progress: {min, text}} (text: a string one bar's output must contain).
 */
export function inspectPage(want) {
  const gk = window.__gk;
  const nb = window.Jupyter.notebook;
  const problems = [];
  if (gk.failed) problems.push(gk.failed);
  const code = nb.get_cells().filter((c) => c.cell_type === 'code');
  // Every code cell ran, once, in order, after the restart (counts from 1);
  // a cell that Run All skipped after an error has no count, or repeats the
  // count of the cell before it.
  let last = 0;
  code.forEach((c, i) => {
    const n = c.input_prompt_number;
    if (typeof n !== 'number') {
      problems.push(`code cell ${i + 1} did not run: no execution count (prompt ${JSON.stringify(n)})`);
    } else if (n <= last) {
      problems.push(`code cell ${i + 1} did not run: execution count ${n} after ${last}`);
    } else {
      last = n;
    }
  });
  if (code.length > 0 && typeof code[0].input_prompt_number === 'number' && code[0].input_prompt_number !== 1) {
    problems.push(`the first code cell ran as [${code[0].input_prompt_number}], not [1]: no restart?`);
  }
  // No cell errored: an error reply draws an .output_error area.
  code.forEach((c, i) => {
    for (const e of c.element[0].querySelectorAll('.output_error')) {
      problems.push(`code cell ${i + 1} errored: ${e.innerText.trim().split('\n').slice(0, 6).join(' | ')}`);
    }
  });
  const stray = document.querySelectorAll('.output_error').length -
    code.reduce((n, c) => n + c.element[0].querySelectorAll('.output_error').length, 0);
  if (stray > 0) problems.push(`${stray} error outputs outside the code cells`);
  // Charts: an SVG or an image rendered in an output area, with a size.
  const charts = Array.from(document.querySelectorAll('.output_area .output_svg svg, .output_area img'))
    .filter((el) => el.getBoundingClientRect().width > 50 && el.getBoundingClientRect().height > 50);
  if (want.charts && charts.length === 0) problems.push('no chart was drawn');
  // Progress bars drawn through display handles: each one replaced in place
  // (one bar per output), every one at its end.
  if (want.progress) {
    const bars = Array.from(document.querySelectorAll('.output_area progress'));
    if (bars.length < want.progress.min) {
      problems.push(`${bars.length} progress bars, want at least ${want.progress.min}`);
    }
    bars.forEach((b, i) => {
      if (b.max <= 0 || b.value !== b.max) problems.push(`progress bar ${i + 1} stopped at ${b.value}/${b.max}`);
      const bs = b.closest('.output_subarea').querySelectorAll('progress');
      if (bs.length !== 1) problems.push(`progress bar ${i + 1} shares its output with ${bs.length - 1} others: not updated in place`);
    });
    const texts = bars.map((b) => b.closest('.output_subarea').innerText.trim());
    if (want.progress.text && !texts.some((t) => t.includes(want.progress.text))) {
      problems.push(`no progress bar reads ${JSON.stringify(want.progress.text)} (bars read ${JSON.stringify(texts)})`);
    }
  }
  return { cells: code.length, problems, charts: charts.length, progressSeen: gk.progressSeen.length };
}

/**
 * unclipPage lets the whole notebook flow into the document, so that a
 * full-page screenshot shows every cell (the classic UI scrolls inside #site).
 */
export function unclipPage() {
  const style = document.createElement('style');
  style.textContent = `
    html, body { height: auto !important; overflow: visible !important; position: static !important; }
    #site { height: auto !important; overflow: visible !important; }
    #header { position: static !important; }`;
  document.head.appendChild(style);
}

/** markCellWithChart tags the cell whose chart contains text (for a screenshot) and says whether one does. */
export function markCellWithChart(text) {
  for (const svg of document.querySelectorAll('.output_area .output_svg svg')) {
    if (svg.textContent.includes(text)) {
      svg.closest('.cell').setAttribute('data-gk-shot', '1');
      return true;
    }
  }
  return false;
}
