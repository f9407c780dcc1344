// The fsQCA section end to end: LF with the settings of its R fixture
// (complex, parsimonious and intermediate solutions equal R's, as shown to
// 3 decimals), the county-alliance example calibrated and minimized, bad
// thresholds and anchors with their messages, cancelling a long
// minimization, and PNG/SVG exports of the configuration chart and the XY
// plot in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, launch, openApp, ROOT } from './helpers.mjs';

let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

/** The shared R fixtures (POLICYLENS_FIXTURES, or ../shared/fixtures beside the crate or its worktree). */
function fixturesDir() {
  const candidates = [
    process.env.POLICYLENS_FIXTURES,
    join(ROOT, '..', 'shared', 'fixtures'),
    join(ROOT, '..', '..', 'shared', 'fixtures'),
  ].filter(Boolean);
  const dir = candidates.find((d) => existsSync(join(d, 'datasets', 'LF.json')));
  assert.ok(dir, `LF.json not found in ${candidates.join(', ')}: set POLICYLENS_FIXTURES`);
  return dir;
}

async function withApp(options, body) {
  const b = await launch(options);
  try {
    await openApp(b.page, server.url);
    await body(b.page);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
}

const T = {
  en: {
    load: 'Load Lipset: survival of democracy (LF)',
    county: 'Load County medical alliances',
    outcome: 'Outcome',
    minimize: 'Minimize',
    cancel: 'Cancel',
    complex: 'Complex solution',
    parsimonious: 'Parsimonious solution',
    intermediate: 'Intermediate solution',
    config: 'Configuration chart',
    xy: 'XY plot',
    present: 'present',
  },
  zh: {
    load: '载入 Lipset：民主存续（LF）',
    county: '载入 县域医共体',
    outcome: '结果',
    minimize: '开始最小化',
    cancel: '取消',
    complex: '复杂解',
    parsimonious: '简约解',
    intermediate: '中间解',
    config: '组态图',
    xy: 'XY 图',
    present: '存在',
  },
};

async function openFsqca(page) {
  await page.getByRole('link', { name: 'fsQCA' }).first().click();
}

/** Chooses the outcome and the conditions, sets incl.cut and the expectations. */
async function setUp(page, t, { outcome, conditions, inclCut, expectations }) {
  await openFsqca(page);
  await page.getByLabel(t.outcome, { exact: true }).selectOption(outcome);
  for (const c of conditions) await page.getByRole('checkbox', { name: c, exact: true }).check();
  if (inclCut !== undefined) {
    const box = page.locator('#tt-incl');
    await box.fill(String(inclCut));
    await box.press('Tab');
  }
  for (const [i, e] of (expectations ?? []).entries()) await page.locator(`#dir-${i}`).selectOption(e);
}

/** The model lines and term rows shown for one solution. */
async function shownSolution(page, title) {
  const region = page.getByRole('region', { name: title, exact: true });
  await region.waitFor();
  const expressions = (await region.locator('.solution-expression').allInnerTexts()).map((s) => s.split(' → ')[0]);
  const rows = await region.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())),
  );
  const models = await region.locator('tfoot tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())),
  );
  return { expressions, rows, models };
}

const r3 = (v) => v.toFixed(3);

function assertSolution(shown, fixture) {
  assert.deepEqual(shown.expressions, fixture.models.map((m) => m.expression));
  const expectedRows = fixture.models.flatMap((m) =>
    m.term_fit.map((t) => [t.term, r3(t.inclS), r3(t.PRI), r3(t.covS), r3(t.covU), t.cases.replaceAll(';', '; ')]),
  );
  assert.deepEqual(shown.rows, expectedRows);
  assert.deepEqual(
    shown.models.map((r) => r.slice(1, 4)),
    fixture.models.map((m) => [r3(m.inclS), r3(m.PRI), r3(m.covS)]),
  );
}

async function lfWorkflow(page, lang) {
  const t = T[lang];
  const lf = JSON.parse(await readFile(join(fixturesDir(), 'datasets', 'LF.json'), 'utf8'));
  const analysis = lf.analyses.find((a) => a.id === 'incl0.8_n1');
  await page.getByRole('button', { name: t.load }).click();
  await page.getByText('LF.csv').first().waitFor();
  await setUp(page, t, {
    outcome: lf.outcome,
    conditions: lf.conditions,
    inclCut: analysis.truthTable_args['incl.cut'],
    expectations: lf.conditions.map(() => '1'),
  });
  await page.getByRole('button', { name: t.minimize, exact: true }).click();
  const byName = (n) => analysis.solutions.find((s) => s.name === n);
  assertSolution(await shownSolution(page, t.complex), byName('complex'));
  assertSolution(await shownSolution(page, t.parsimonious), byName('parsimonious'));
  const inter = byName('intermediate').intermediate[0];
  assertSolution(await shownSolution(page, `${t.intermediate} ${inter.key}`), inter);
}

async function download(page, buttonName) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

const isPng = (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

async function checkExports(page, lang, labels) {
  const t = T[lang];
  const config = await download(page, `SVG ${t.config}`);
  assert.match(config.name, /\.svg$/);
  const svg = config.bytes.toString('utf8');
  assert.match(svg, /^<svg|<\?xml/);
  for (const l of labels.config) assert.ok(svg.includes(l), `configuration chart SVG lacks ${l}`);
  const png = await download(page, `PNG ${t.config}`);
  assert.ok(isPng(png.bytes), 'configuration chart PNG is a PNG');
  const png300 = await download(page, `PNG 300 dpi ${t.config}`);
  assert.ok(isPng(png300.bytes) && png300.bytes.length > png.bytes.length / 4);
  const xyName = `${t.xy} ${labels.xyExpression}`;
  const xy = await download(page, `SVG ${xyName}`);
  const xySvg = xy.bytes.toString('utf8');
  for (const l of labels.xy) assert.ok(xySvg.includes(l), `XY plot SVG lacks ${l}`);
  const xyPng = await download(page, `PNG ${xyName}`);
  assert.ok(isPng(xyPng.bytes));
}

test('LF with incl.cut 0.8: the complex, parsimonious and intermediate solutions equal R QCA', () =>
  withApp({ viewport: { width: 1366, height: 900 } }, async (page) => {
    await lfWorkflow(page, 'en');
    // The necessity table highlights LIT (0.991) and STB (0.920).
    const nec = page.getByRole('table', { name: 'Necessity for SURV' });
    assert.deepEqual(await nec.locator('tr.high th').allInnerTexts(), ['LIT', 'STB']);
    // The superset search runs on demand.
    await page.getByRole('button', { name: 'Search supersets' }).click();
    const sup = page.getByRole('table', { name: 'Supersets of the outcome (inclN ≥ 0.9, covN ≥ 0.6)' });
    const exprs = await sup.locator('tbody th').allInnerTexts();
    assert.ok(exprs.includes('STB'), exprs.join(' | '));
    // Hovering a point of the XY plot names its case.
    const canvas = page.getByRole('img', { name: 'XY plot DEV*URB*LIT*IND*STB + DEV*~URB*LIT*~IND*STB' });
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    const hover = page.locator('.fsqca-hover');
    let named = '';
    for (let fy = 0.05; fy < 0.95 && !named; fy += 0.01) {
      for (let fx = 0.1; fx < 1 && !named; fx += 0.01) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
        named = (await hover.innerText()).trim();
      }
    }
    assert.match(named, /^[A-Z]{2} \(\d\.\d{3}, \d\.\d{3}\)/);
    await checkExports(page, 'en', {
      config: ['Raw coverage', 'Consistency', 'DEV', 'STB', '0.901'],
      xyExpression: 'DEV*URB*LIT*IND*STB + DEV*~URB*LIT*~IND*STB',
      xy: ['SURV', 'BE', 'Consistency'],
    });
  }));

test('the LF workflow in Chinese gives the same solutions and Chinese chart labels', () =>
  withApp({ locale: 'zh-CN', viewport: { width: 1024, height: 900 } }, async (page) => {
    await lfWorkflow(page, 'zh');
    await checkExports(page, 'zh', {
      config: ['原始覆盖度', '一致性', 'DEV'],
      xyExpression: 'DEV*URB*LIT*IND*STB + DEV*~URB*LIT*~IND*STB',
      xy: ['SURV', '一致性'],
    });
  }));

test('remainders are shown on demand and can be excluded', () =>
  withApp({}, async (page) => {
    await page.getByRole('button', { name: T.en.load }).click();
    await page.getByText('LF.csv').first().waitFor();
    await setUp(page, T.en, { outcome: 'SURV', conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'], inclCut: 0.8 });
    const table = page.getByRole('table', { name: 'Truth table' });
    assert.equal(await table.locator('tbody tr').count(), 9);
    await page.getByRole('checkbox', { name: 'Show the remainders (to exclude them)' }).check();
    await table.locator('tbody tr').nth(31).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 32);
    const row30 = table.getByRole('row', { name: /^30 / });
    assert.equal((await row30.locator('td').nth(5).innerText()).trim(), '?');
    await page.getByRole('checkbox', { name: 'Exclude 30' }).check();
    await page.waitForFunction(() => {
      const r = [...document.querySelectorAll('.truth-table tbody tr')].find((tr) => tr.querySelector('th')?.textContent === '30');
      return r && r.children[6].textContent.trim() === '0';
    });
  }));

test('the negated outcome is analysed at one click', () =>
  withApp({}, async (page) => {
    await lfWorkflow(page, 'en');
    await page.getByRole('button', { name: 'Analyse the negated outcome (~SURV)' }).click();
    const lf = JSON.parse(await readFile(join(fixturesDir(), 'datasets', 'LF.json'), 'utf8'));
    const neg = lf.analyses.find((a) => a.id === 'neg_incl0.8_n1');
    const complex = neg.solutions.find((s) => s.name === 'complex');
    await page.getByText(`${complex.models[0].expression} → ~SURV`).waitFor();
  }));

test('the county-alliance example is calibrated and minimized', () =>
  withApp({}, async (page) => {
    await page.getByRole('button', { name: T.en.county }).click();
    await page.getByText('12 rows × 9 columns').waitFor();
    await openFsqca(page);
    const outcome = page.getByLabel('Outcome', { exact: true });
    const names = await outcome.locator('option').allInnerTexts();
    // The last numeric column is the outcome of the example; the others are conditions.
    const sets = names.slice(1);
    const y = sets[sets.length - 1];
    await outcome.selectOption(y);
    const conditions = sets.slice(0, 4);
    for (const c of conditions) await page.getByRole('checkbox', { name: c, exact: true }).check();
    // Calibrate every raw column with anchors at percentiles 95/50/5.
    for (const name of [y, ...conditions]) {
      const group = page.getByRole('group', { name: `Calibration of ${name}` });
      await group.getByRole('button', { name: 'percentiles 95/50/5' }).click();
      assert.equal(await group.getByLabel('Method').inputValue(), 'logistic');
    }
    await page.getByRole('table', { name: 'Truth table' }).waitFor();
    const box = page.locator('#tt-incl');
    await box.fill('0.75');
    await box.press('Tab');
    await page.getByRole('button', { name: 'Minimize', exact: true }).click();
    const region = page.getByRole('region', { name: 'Complex solution', exact: true });
    await region.waitFor();
    const text = await region.innerText();
    assert.ok(/M1:/.test(text) || /OUT = 1/.test(text), text);
  }));

test('bad thresholds and out-of-order anchors get clear messages', () =>
  withApp({}, async (page) => {
    await page.getByRole('button', { name: T.en.county }).click();
    await page.getByText('12 rows × 9 columns').waitFor();
    await openFsqca(page);
    const outcome = page.getByLabel('Outcome', { exact: true });
    const sets = (await outcome.locator('option').allInnerTexts()).slice(1);
    await outcome.selectOption(sets[sets.length - 1]);
    await page.getByRole('checkbox', { name: sets[0], exact: true }).check();
    const group = page.getByRole('group', { name: `Calibration of ${sets[0]}` });
    await group.getByLabel('Method').selectOption('logistic');
    await group.getByLabel('Full exclusion').fill('50');
    await group.getByLabel('Crossover').fill('10');
    await group.getByLabel('Full inclusion').fill('90');
    await group.getByRole('alert').getByText(/anchors must be in order/).waitFor();
    // A case exactly at the crossover is flagged; the user may keep it.
    await group.getByLabel('Crossover').fill('48');
    await group.getByLabel('Full exclusion').fill('20');
    const flag = group.getByRole('status').filter({ hasText: 'at exactly 0.5' });
    await flag.waitFor();
    assert.match(await flag.innerText(), /County B/);
    await flag.getByRole('button', { name: 'Keep them: move the crossover by 0.001' }).click();
    await flag.waitFor({ state: 'detached' });
    assert.equal(await group.getByLabel('Crossover').inputValue(), '47.999');
    // LF is calibrated already; an incl.cut above 1 is refused with its value.
    await page.getByRole('link', { name: 'Data' }).first().click();
    await page.getByRole('button', { name: T.en.load }).click();
    await page.getByText('LF.csv').first().waitFor();
    await setUp(page, T.en, { outcome: 'SURV', conditions: ['DEV', 'URB'], inclCut: 1.2 });
    await page.getByRole('alert').getByText('incl.cut = 1.2 must be between 0 and 1.').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Minimize', exact: true }).isDisabled());
  }));

/** A crisp table whose parsimonious minimization takes long. */
function largeCrispCsv(k, n) {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const header = ['case', ...Array.from({ length: k }, (_, i) => `C${i + 1}`), 'Y'];
  const lines = [header.join(',')];
  for (let r = 0; r < n; r++) {
    const row = Array.from({ length: k }, () => (rand() < 0.5 ? 1 : 0));
    lines.push([`case${r + 1}`, ...row, rand() < 0.5 ? 1 : 0].join(','));
  }
  return lines.join('\n');
}

test('the cancel button stops a long minimization and the page stays responsive', () =>
  withApp({}, async (page) => {
    const k = 22;
    await page.getByLabel('Open a file').setInputFiles({
      name: 'large.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(largeCrispCsv(k, 1000)),
    });
    await page.getByText(/large\.csv/).first().waitFor();
    await openFsqca(page);
    await page.getByLabel('Outcome', { exact: true }).selectOption('Y');
    for (let i = 1; i <= k; i++) await page.getByRole('checkbox', { name: `C${i}`, exact: true }).check();
    const box = page.locator('#tt-incl');
    await box.fill('0.5');
    await box.press('Tab');
    await page.getByRole('button', { name: 'Minimize', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Minimizing' }).waitFor();
    // The page answers while the worker computes.
    await page.getByRole('checkbox', { name: 'Negated outcome (~Y)' }).isVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Minimization cancelled.').waitFor();
    assert.equal(await page.locator('.fsqca-results').count(), 0);
    assert.ok(await page.getByRole('button', { name: 'Minimize', exact: true }).isEnabled());
  }));

test('the minimization worker loads when the bundle is hosted under a sub-path', async () => {
  const prefix = '/tools/policylens/';
  const sub = await serveDist({ prefix });
  const b = await launch();
  try {
    const { page } = b;
    await openApp(page, sub.url);
    await page.getByRole('button', { name: T.en.load }).click();
    await page.getByText('LF.csv').first().waitFor();
    await setUp(page, T.en, { outcome: 'SURV', conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'], inclCut: 0.8 });
    await page.getByRole('button', { name: 'Minimize', exact: true }).click();
    await page.getByText('DEV*~IND + URB*STB → SURV').waitFor();
    assert.ok(sub.served.includes(`${prefix}worker_loader.js`), `served: ${sub.served}`);
    assert.deepEqual(sub.served.filter((p) => !p.startsWith(prefix)), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await sub.close();
  }
});
