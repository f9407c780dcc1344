// The fsQCA section end to end: LF with the settings of its R fixture
// (complex, parsimonious and intermediate solutions equal R's, as shown to
// 3 decimals), the county-alliance example calibrated and minimized, bad
// thresholds, anchors and shape parameters with their messages (in both
// languages), the choice for cases at exactly 0.5, cancelling a long
// minimization (in both languages), the configuration chart of every
// solution (titled in both languages; with several parsimonious models the
// complex solution once per model pair), the Venn diagram of more conditions
// than it draws (the choice kept in the project over a reload), the 0.5
// choice for a column used as it is (in the file and the R script), the XY
// menu kept within the page, and PNG/SVG exports of the configuration chart
// and the XY plot in both languages.
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
    absent: 'absent',
    inclCut: 'incl.cut',
    expectations: 'Directional expectations (intermediate solution)',
    calibrationOf: 'Calibration of',
    method: 'Method',
    exclusion: 'Full exclusion',
    crossover: 'Crossover',
    inclusion: 'Full inclusion',
    idm: 'Membership at full inclusion (idm)',
    below: 'Exponent below the crossover (below)',
    unordered: /anchors must be in order/,
    badIdm: 'the membership at full inclusion (idm) must be above 0.5 and below 1; got 1.2.',
    badBelow: 'the exponent below must be a positive number; got 0.',
    badCut: 'incl.cut = 1.2 must be between 0 and 1.',
    atHalf: 'at exactly 0.5',
    halfGroup: 'Cases at exactly 0.5:',
    addConstant: 'add a small constant: 0.5 → 0.501',
    raised: 'County B: 0.5 → 0.501 (constant added; in the truth table)',
    leftOut: 'County B: 0.5 (left out of the truth table)',
    data: 'Data',
    openFile: 'Open a file',
    negated: 'Negated outcome (~Y)',
    minimizing: 'Minimizing',
    cancelled: 'Minimization cancelled.',
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
    absent: '缺失',
    inclCut: '一致性阈值 incl.cut',
    expectations: '方向性预期（中间解）',
    calibrationOf: '校准：',
    method: '方法',
    exclusion: '完全不隶属',
    crossover: '交叉点',
    inclusion: '完全隶属',
    idm: '完全隶属锚点处的隶属度（idm）',
    below: '交叉点以下的指数（below）',
    unordered: /锚点必须有序/,
    badIdm: '完全隶属锚点处的隶属度（idm）必须大于 0.5 且小于 1；当前为 1.2。',
    badBelow: '指数 below 必须为正数；当前为 0。',
    badCut: 'incl.cut = 1.2 必须介于 0 与 1 之间。',
    atHalf: '隶属度恰为 0.5',
    halfGroup: '隶属度恰为 0.5 的案例：',
    addConstant: '加上一个小常数：0.5 → 0.501',
    raised: 'County B：0.5 → 0.501（已加常数；纳入真值表）',
    leftOut: 'County B：0.5（不纳入真值表）',
    data: '数据',
    openFile: '打开文件',
    negated: '结果取反（~Y）',
    minimizing: '正在最小化',
    cancelled: '已取消最小化。',
  },
};

async function openFsqca(page) {
  await page.getByRole('link', { name: 'fsQCA' }).first().click();
}

/**
 * Chooses the outcome and the conditions, sets incl.cut and the expectations
 * ('1' present, '0' absent) — through the labels a user reads, not ids.
 */
async function setUp(page, t, { outcome, conditions, inclCut, expectations }) {
  await openFsqca(page);
  await page.getByLabel(t.outcome, { exact: true }).selectOption(outcome);
  for (const c of conditions) await page.getByRole('checkbox', { name: c, exact: true }).check();
  if (inclCut !== undefined) {
    const box = page.getByLabel(t.inclCut, { exact: true });
    await box.fill(String(inclCut));
    await box.press('Tab');
  }
  const group = page.getByRole('group', { name: t.expectations });
  for (const [i, e] of (expectations ?? []).entries()) {
    await group.getByLabel(conditions[i], { exact: true }).selectOption({ label: e === '1' ? t.present : t.absent });
  }
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
      config: ['Configuration chart: Intermediate solution', 'Raw coverage', 'Consistency', 'DEV', 'STB', '0.901', 'Intermediate solution. Core conditions'],
      xyExpression: 'DEV*URB*LIT*IND*STB + DEV*~URB*LIT*~IND*STB',
      xy: ['SURV', 'BE', 'Consistency'],
    });
    await configOfEverySolution(page, T.en, { complex: 'Complex (conservative) solution.', parsimonious: 'every condition is a core condition' });
  }));

/** The configuration chart of the complex and parsimonious solutions: the note and each term's coverage. */
async function configOfEverySolution(page, t, notes) {
  const lf = JSON.parse(await readFile(join(fixturesDir(), 'datasets', 'LF.json'), 'utf8'));
  const analysis = lf.analyses.find((a) => a.id === 'incl0.8_n1');
  for (const kind of ['complex', 'parsimonious']) {
    await page.locator('#fsqca-config-pick').selectOption(kind);
    const canvas = page.getByRole('img', { name: t.config, exact: true });
    await page.waitForFunction((k) => document.querySelector('#fsqca-config-pick').value === k, kind);
    const svg = (await download(page, `SVG ${t.config}`)).bytes.toString('utf8');
    assert.ok(svg.includes(notes[kind]), `${kind} chart lacks its note`);
    const fixture = analysis.solutions.find((s) => s.name === kind);
    for (const term of fixture.models[0].term_fit) assert.ok(svg.includes(r3(term.covS)), `${kind} chart lacks ${r3(term.covS)}`);
    assert.ok(await canvas.isVisible());
  }
}

test('the LF workflow in Chinese gives the same solutions and Chinese chart labels', () =>
  withApp({ locale: 'zh-CN', viewport: { width: 1024, height: 900 } }, async (page) => {
    await lfWorkflow(page, 'zh');
    await checkExports(page, 'zh', {
      config: ['组态图：中间解', '原始覆盖度', '一致性', 'DEV', '中间解。核心条件'],
      xyExpression: 'DEV*URB*LIT*IND*STB + DEV*~URB*LIT*~IND*STB',
      xy: ['SURV', '一致性'],
    });
    await configOfEverySolution(page, T.zh, { complex: '复杂解（保守解）。', parsimonious: '简约解：所有条件均为核心条件' });
    await xyMenuFits(page, 1024, T.zh);
  }));

/** The XY plot's menu stays within the page and keeps the full expression as its title. */
async function xyMenuFits(page, width, t) {
  const menu = page.locator('#fsqca-xy-pick');
  await menu.scrollIntoViewIfNeeded();
  const options = await menu.locator('option').allInnerTexts();
  const longest = options.reduce((a, b) => (b.length > a.length ? b : a), '');
  await menu.selectOption({ label: longest });
  await page.waitForFunction((l) => document.querySelector('#fsqca-xy-pick').title === l, longest);
  const box = await menu.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= width, `menu runs to ${box.x + box.width} px`);
  assert.equal(await menu.evaluate((el) => getComputedStyle(el).textOverflow), 'ellipsis');
  const titles = await menu.locator('option').evaluateAll((os) => os.map((o) => o.title === o.textContent));
  assert.ok(titles.every(Boolean), 'every option has its full text as title');
  assert.ok(await page.getByRole('img', { name: new RegExp(`^${t.xy} `) }).first().isVisible());
}

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

/** Bad anchors, shape parameters and thresholds, and the choice for a case at 0.5, in one language. */
async function badSettings(page, t) {
  await page.getByRole('button', { name: t.county }).click();
  await page.getByRole('link', { name: t.data }).first().waitFor();
  await openFsqca(page);
  const outcome = page.getByLabel(t.outcome, { exact: true });
  await outcome.locator('option').nth(2).waitFor({ state: 'attached' });
  const sets = (await outcome.locator('option').allInnerTexts()).slice(1);
  await outcome.selectOption(sets[sets.length - 1]);
  await page.getByRole('checkbox', { name: sets[0], exact: true }).check();
  const group = page.getByRole('group', { name: `${t.calibrationOf} ${sets[0]}` });
  await group.getByLabel(t.method).selectOption('logistic');
  await group.getByLabel(t.exclusion, { exact: true }).fill('50');
  await group.getByLabel(t.crossover, { exact: true }).fill('10');
  await group.getByLabel(t.inclusion, { exact: true }).fill('90');
  await group.getByRole('alert').getByText(t.unordered).waitFor();
  // A case exactly at the crossover is flagged; the user chooses what happens to it.
  await group.getByLabel(t.crossover, { exact: true }).fill('48');
  await group.getByLabel(t.exclusion, { exact: true }).fill('20');
  const flag = group.getByRole('status').filter({ hasText: t.atHalf });
  await flag.waitFor();
  // The logistic function's idm is checked.
  await group.getByLabel(t.idm).fill('1.2');
  await group.getByRole('alert').getByText(`${sets[0]}${t === T.zh ? '：' : ': '}${t.badIdm}`).waitFor();
  await group.getByLabel(t.idm).fill('0.95');
  await group.getByRole('alert').waitFor({ state: 'detached' });
  assert.match(await flag.innerText(), /County B/);
  const half = group.getByRole('group', { name: new RegExp(`^${t.halfGroup}`) });
  await half.getByText(t.leftOut).waitFor();
  await half.getByRole('radio', { name: t.addConstant }).check();
  await half.getByText(t.raised).waitFor();
  // The anchors are not touched: the constant is added to the membership.
  assert.equal(await group.getByLabel(t.crossover, { exact: true }).inputValue(), '48');
  // Linear and bell exponents are checked.
  await group.getByLabel(t.method).selectOption('linear');
  await group.getByLabel(t.below).fill('0');
  await group.getByRole('alert').getByText(t.badBelow).waitFor();
  await group.getByLabel(t.below).fill('2');
  await group.getByRole('alert').waitFor({ state: 'detached' });
  // LF is calibrated already; an incl.cut above 1 is refused with its value.
  await page.getByRole('link', { name: t.data }).first().click();
  await page.getByRole('button', { name: t.load }).click();
  await page.getByText('LF.csv').first().waitFor();
  await setUp(page, t, { outcome: 'SURV', conditions: ['DEV', 'URB'], inclCut: 1.2 });
  await page.getByRole('alert').getByText(t.badCut).waitFor();
  assert.ok(await page.getByRole('button', { name: t.minimize, exact: true }).isDisabled());
}

test('bad thresholds, anchors and shape parameters get clear messages; a case at 0.5 is the user’s choice', () =>
  withApp({}, (page) => badSettings(page, T.en)));

test('bad settings get clear messages in Chinese too', () =>
  withApp({ locale: 'zh-CN', viewport: { width: 1024, height: 900 } }, (page) => badSettings(page, T.zh)));

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

async function cancelLong(page, t) {
  const k = 22;
  await page.getByLabel(t.openFile).setInputFiles({
    name: 'large.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(largeCrispCsv(k, 1000)),
  });
  await page.getByText(/large\.csv/).first().waitFor();
  await openFsqca(page);
  await page.getByLabel(t.outcome, { exact: true }).selectOption('Y');
  for (let i = 1; i <= k; i++) await page.getByRole('checkbox', { name: `C${i}`, exact: true }).check();
  const box = page.getByLabel(t.inclCut, { exact: true });
  await box.fill('0.5');
  await box.press('Tab');
  await page.getByRole('button', { name: t.minimize, exact: true }).click();
  await page.getByRole('status').filter({ hasText: t.minimizing }).waitFor();
  // The page answers while the worker computes.
  assert.ok(await page.getByRole('checkbox', { name: t.negated }).isVisible());
  await page.getByRole('button', { name: t.cancel, exact: true }).click();
  await page.getByText(t.cancelled).waitFor();
  assert.equal(await page.locator('.fsqca-results').count(), 0);
  assert.ok(await page.getByRole('button', { name: t.minimize, exact: true }).isEnabled());
}

test('the cancel button stops a long minimization and the page stays responsive', () =>
  withApp({}, (page) => cancelLong(page, T.en)));

test('the cancel button works in Chinese too', () =>
  withApp({ locale: 'zh-CN' }, (page) => cancelLong(page, T.zh)));

/** The county example with every raw column calibrated at percentiles 95/50/5 and `n` conditions. */
async function countyCalibrated(page, n) {
  await page.getByRole('button', { name: T.en.county }).click();
  await page.getByText('12 rows × 9 columns').waitFor();
  await openFsqca(page);
  const outcome = page.getByLabel('Outcome', { exact: true });
  const sets = (await outcome.locator('option').allInnerTexts()).slice(1);
  const y = sets[sets.length - 1];
  await outcome.selectOption(y);
  const conditions = sets.slice(0, n);
  for (const c of conditions) await page.getByRole('checkbox', { name: c, exact: true }).check();
  for (const name of [y, ...conditions]) {
    const group = page.getByRole('group', { name: `Calibration of ${name}` });
    await group.getByRole('button', { name: 'percentiles 95/50/5' }).click();
  }
  const box = page.locator('#tt-incl');
  await box.fill('0.75');
  await box.press('Tab');
  await page.getByRole('button', { name: 'Minimize', exact: true }).click();
  await page.getByRole('region', { name: 'Complex solution', exact: true }).waitFor();
  return conditions;
}

test('a Venn diagram of 6 conditions is drawn, and with 7 the user chooses which 6', () =>
  withApp({}, async (page) => {
    const conditions = await countyCalibrated(page, 7);
    const pick = page.getByRole('group', { name: /^7 conditions: a Venn diagram stays legible up to 6/ });
    await pick.waitFor();
    const boxes = pick.getByRole('checkbox');
    assert.equal(await boxes.count(), 7);
    assert.equal(await pick.getByRole('checkbox', { checked: true }).count(), 6);
    const last = pick.getByRole('checkbox', { name: conditions[6], exact: true });
    assert.ok(await last.isDisabled());
    await pick.getByRole('checkbox', { name: conditions[0], exact: true }).uncheck();
    assert.ok(await last.isEnabled());
    await last.check();
    const venn = await download(page, 'SVG Venn diagram');
    const svg = venn.bytes.toString('utf8');
    assert.ok(svg.includes(conditions[6]), `Venn SVG lacks ${conditions[6]}`);
    assert.ok(!svg.includes(`>${conditions[0]}<`) && !svg.includes(`${conditions[0]}\n`), `Venn SVG still names ${conditions[0]}`);
    for (const c of conditions.slice(1)) assert.ok(svg.includes(c), `Venn SVG lacks ${c}`);
    // The choice is part of the project: saved in the file and kept over a reload.
    const saved = await savedProject(page);
    assert.deepEqual(saved.qca.venn_conditions, conditions.slice(1));
    await page.waitForTimeout(400);
    await page.reload();
    await page.getByRole('navigation').waitFor();
    await openFsqca(page);
    await page.getByRole('button', { name: 'Minimize', exact: true }).click();
    const again = page.getByRole('group', { name: /^7 conditions: a Venn diagram stays legible up to 6/ });
    await again.waitFor();
    assert.ok(!(await again.getByRole('checkbox', { name: conditions[0], exact: true }).isChecked()));
    assert.ok(await again.getByRole('checkbox', { name: conditions[6], exact: true }).isChecked());
  }));

/** The project file the page saves now. */
async function savedProject(page) {
  const file = await download(page, /^(Save project file|保存项目文件)$/);
  return JSON.parse(file.bytes.toString('utf8')).project;
}

test('a column used as it is gets the same choice for its cases at 0.5, carried to the file and the R script', () =>
  withApp({}, async (page) => {
    await page.getByLabel(T.en.openFile).setInputFiles({
      name: 'as_is.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('case,A,B,Y\nc1,0.9,0.2,0.8\nc2,0.5,0.7,0.6\nc3,0.1,0.9,0.3\nc4,0.8,0.4,0.9\n'),
    });
    await page.getByText(/as_is\.csv/).first().waitFor();
    await setUp(page, T.en, { outcome: 'Y', conditions: ['A', 'B'] });
    const group = page.getByRole('group', { name: 'Calibration of A' });
    assert.equal(await group.getByLabel(T.en.method).inputValue(), 'none');
    const half = group.getByRole('group', { name: new RegExp(`^${T.en.halfGroup}`) });
    await half.getByText('c2: 0.5 (left out of the truth table)').waitFor();
    await half.getByRole('radio', { name: T.en.addConstant }).check();
    await half.getByText('c2: 0.5 → 0.501 (constant added; in the truth table)').waitFor();
    // B has no case at 0.5: no choice to make.
    assert.equal(await page.getByRole('group', { name: 'Calibration of B' }).getByRole('radio').count(), 0);
    const saved = await savedProject(page);
    assert.deepEqual(saved.qca.crossover_as_is, { A: 'AddConstant' });
    assert.deepEqual(saved.calibrations, []);
    await page.getByRole('navigation').getByRole('link', { name: 'Report' }).click();
    const script = (await download(page, 'Download the R script')).bytes.toString('utf8');
    assert.ok(script.includes('dat[["A"]][which(abs(dat[["A"]] - 0.5) < sqrt(.Machine$double.eps))] <- 0.501'), script);
    assert.ok(!script.includes('dat[["B"]][which('), script);
    // Back to R's default: the file no longer records it.
    await openFsqca(page);
    await half.getByRole('radio', { name: 'leave them out of the truth table, as R QCA does' }).check();
    await half.getByText('c2: 0.5 (left out of the truth table)').waitFor();
    assert.equal((await savedProject(page)).qca.crossover_as_is, undefined);
  }));

test('with several parsimonious models the complex chart shows each pair and says how core is read', () =>
  withApp({ viewport: { width: 1366, height: 900 } }, async (page) => {
    const cvf = JSON.parse(await readFile(join(fixturesDir(), 'datasets', 'CVF.json'), 'utf8'));
    const analysis = cvf.analyses.find((a) => a.id === 'incl0.9_n1');
    const pars = analysis.solutions.find((s) => s.name === 'parsimonious');
    assert.ok(pars.models.length > 1);
    await page.getByLabel(T.en.openFile).setInputFiles(join(fixturesDir(), 'data', 'CVF.csv'));
    await page.getByText(/CVF\.csv/).first().waitFor();
    await setUp(page, T.en, { outcome: cvf.outcome, conditions: cvf.conditions, inclCut: 0.9 });
    await page.getByRole('button', { name: T.en.minimize, exact: true }).click();
    assert.deepEqual((await shownSolution(page, T.en.parsimonious)).expressions, pars.models.map((m) => m.expression));
    await page.locator('#fsqca-config-pick').selectOption('complex');
    await page.waitForFunction(() => document.querySelector('#fsqca-config-pick').value === 'complex');
    const svg = (await download(page, `SVG ${T.en.config}`)).bytes.toString('utf8');
    assert.ok(svg.includes('Configuration chart: Complex solution'));
    for (let j = 1; j <= pars.models.length; j++) assert.ok(svg.includes(`M1 · P${j}`), `complex chart lacks M1 · P${j}`);
    const described = await page.getByRole('img', { name: T.en.config, exact: true }).textContent();
    assert.match(described, /each complex model is shown once per parsimonious model \(M1 · P2/);
    await xyMenuFits(page, 1366, T.en);
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
