// Getting data in through the UI: examples, files (GBK CSV, XLSX with a
// sheet chooser), pasted cells, bad inputs with their messages, and the
// previously loaded table kept after a failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { serveDist, launch, openApp, FIXTURES } from './helpers.mjs';

let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

const preview = (page) => page.getByRole('table', { name: 'Preview' });
const upload = (page, file) => page.getByLabel('Open a file').setInputFiles(join(FIXTURES, file));
const uploadBytes = (page, name, text, label = 'Open a file') =>
  page.getByLabel(label).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

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

test('loading an example shows its size, column summary and preview', () =>
  withApp({}, async (page) => {
    await page.getByRole('button', { name: 'Load County medical alliances' }).click();
    await page.getByText('12 rows × 9 columns').waitFor();
    await preview(page).getByRole('cell', { name: 'County L', exact: true }).waitFor();
    // The case column is chosen; the example is marked as illustrative.
    assert.equal(await page.getByLabel('Column with the case names').inputValue(), '0');
    assert.equal(await page.getByText('Illustrative data, not real observations').count(), 2);
    const summary = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Mean' }) });
    const scale = summary.getByRole('row', { name: /^SCALE/ });
    assert.match(await scale.innerText(), /number\s+12\s+0\s+14\s+71\s+40\.167/);
  }));

test('every bundled example loads with its case column', () =>
  withApp({}, async (page) => {
    const examples = [
      ['County medical alliances', 'county_alliances_illustrative.csv — 12 rows × 9 columns', 'county'],
      ['Stakeholder ratings', 'stakeholder_ratings_illustrative.csv — 429 rows × 6 columns', 'stakeholder'],
      ['Lipset: survival of democracy (LF)', 'LF.csv — 18 rows × 7 columns', 'case'],
    ];
    for (const [name, info, caseColumn] of examples) {
      await page.getByRole('button', { name: `Load ${name}` }).click();
      await page.getByText(info).waitFor();
      const picker = page.getByLabel('Column with the case names');
      assert.equal(await picker.locator('option:checked').textContent(), caseColumn);
    }
  }));

test('a GBK CSV from Excel on Chinese Windows is detected and previewed', () =>
  withApp({}, async (page) => {
    await upload(page, 'county_gbk.csv');
    await preview(page).getByRole('cell', { name: '天长市' }).waitFor();
    await preview(page).getByRole('columnheader', { name: '紧密型组织' }).waitFor();
    await page.getByText('county_gbk.csv — 4 rows × 4 columns').waitFor();
    assert.match(await page.locator('.table-info').innerText(), /encoding GB18030/);
    // The empty cell is missing, not zero.
    const summary = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Missing' }) });
    assert.match(await summary.getByRole('row', { name: /^紧密型组织/ }).innerText(), /number\s+3\s+1\s+0\.7\s+0\.9/);
    // Overriding the encoding reads it again (as UTF-8 it is not valid text).
    await page.getByLabel('Text encoding').selectOption('utf-8');
    await page.getByRole('alert').getByText('not valid UTF-8 text').waitFor();
    await page.getByLabel('Text encoding').selectOption('gb18030');
    await preview(page).getByRole('cell', { name: '天长市' }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
  }));

test('an XLSX workbook is read, with a sheet chooser', () =>
  withApp({}, async (page) => {
    await upload(page, 'alliances.xlsx');
    await preview(page).getByRole('cell', { name: 'County C' }).waitFor();
    await page.getByText('alliances.xlsx — 3 rows × 4 columns').waitFor();
    const sheet = page.getByLabel('Sheet');
    assert.deepEqual(await sheet.locator('option').allTextContents(), ['Cases', 'Ratings']);
    await sheet.selectOption('Ratings');
    await preview(page).getByRole('cell', { name: 'Health bureau' }).waitFor();
    await page.getByText('2 rows × 3 columns').waitFor();
  }));

test('cells pasted from Excel are imported', () =>
  withApp({}, async (page) => {
    const box = page.getByLabel('Paste cells copied from Excel');
    await box.fill('case\tx\ty\nA\t1,5\t2\nB\tNA\t3\n');
    await page.getByRole('button', { name: 'Use pasted cells' }).click();
    await page.getByText('pasted cells — 2 rows × 3 columns').waitFor();
    await preview(page).getByRole('cell', { name: 'B', exact: true }).waitFor();
  }));

test('bad inputs get a clear message and the loaded table stays loaded', () =>
  withApp({}, async (page) => {
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await preview(page).getByRole('cell', { name: 'AU', exact: true }).waitFor();
    const cases = [
      ['empty.csv', 'The file is empty.'],
      ['ragged.csv', 'Line 3 has 2 fields, but the header has 3.'],
      ['duplicate.csv', 'Columns 2 and 3 are both named “x”.'],
      ['header_only.csv', 'The table has a header line but no data rows below it.'],
      ['binary.csv', 'This is not a text table or spreadsheet: it contains binary data'],
    ];
    for (const [file, message] of cases) {
      await upload(page, file);
      const alert = page.getByRole('alert');
      await alert.getByText(message).waitFor();
      await alert.getByText(file).waitFor();
      await alert.getByText('The data loaded before is still loaded.').waitFor();
      // The Lipset data are still there.
      await preview(page).getByRole('cell', { name: 'AU', exact: true }).waitFor();
      await page.getByText('LF.csv — 18 rows × 7 columns').waitFor();
    }
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.getByRole('alert').count(), 0);
  }));

test('error messages are in the user language with line numbers', () =>
  withApp({ locale: 'zh-CN' }, async (page) => {
    await uploadBytes(page, 'bad.csv', 'a,b\n1,2\n3,4,5\n', '打开文件');
    await page.getByRole('alert').getByText('第 3 行有 3 个字段，而标题行有 2 个。').waitFor();
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('alert').getByText('Line 3 has 3 fields, but the header has 2.').waitFor();
  }));

test('a large table imports with progress and only visible rows are drawn', () =>
  withApp({}, async (page) => {
    const rows = 20000;
    let text = 'id,' + Array.from({ length: 9 }, (_, i) => `v${i}`).join(',') + '\n';
    for (let r = 0; r < rows; r++) {
      text += `case${r},` + Array.from({ length: 9 }, (_, i) => ((r * 7 + i * 13) % 1000) / 10).join(',') + '\n';
    }
    await uploadBytes(page, 'large.csv', text);
    await page.getByText(`large.csv — ${rows} rows × 10 columns`).waitFor();
    const drawn = await preview(page).locator('tbody tr:not(.spacer)').count();
    assert.ok(drawn > 10 && drawn < 60, `drawn rows: ${drawn}`);
    // Scrolling to the end shows the last row.
    await page.locator('.grid-viewport').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await preview(page).getByRole('cell', { name: `case${rows - 1}`, exact: true }).waitFor();
    assert.equal(await preview(page).getAttribute('aria-rowcount'), String(rows + 1));
  }));

test('a file dropped on the page is imported', () =>
  withApp({}, async (page) => {
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['case;x\nA;0,25\nB;-\n'], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    });
    await page.dispatchEvent('.app', 'dragenter', { dataTransfer });
    await page.locator('.drop-overlay').waitFor();
    await page.dispatchEvent('.app', 'dragover', { dataTransfer });
    await page.dispatchEvent('.app', 'drop', { dataTransfer });
    await page.getByText('dropped.csv — 2 rows × 2 columns').waitFor();
    assert.equal(await page.locator('.drop-overlay').count(), 0);
    // Decimal comma with ';', and '-' is missing.
    await preview(page).getByRole('cell', { name: '0.25', exact: true }).waitFor();
    await preview(page).getByRole('cell', { name: 'NA', exact: true }).waitFor();
  }));

test('pasting cells into the paste box imports them at once', () =>
  withApp({}, async (page) => {
    const box = page.getByLabel('Paste cells copied from Excel');
    await box.focus();
    await box.evaluate((el) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'county\tORG\nCounty A\t0.9\nCounty B\t0.4\n');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await page.getByText('pasted cells — 2 rows × 2 columns').waitFor();
    await preview(page).getByRole('cell', { name: 'County B', exact: true }).waitFor();
  }));

test('a file too large for memory is refused with a message before it is read', () =>
  withApp({}, async (page) => {
    const dir = await mkdtemp(join(tmpdir(), 'policylens-e2e-'));
    try {
      const path = join(dir, 'huge.csv');
      await writeFile(path, '');
      await truncate(path, 301 * 1024 * 1024); // sparse: no disk used
      await page.getByLabel('Open a file').setInputFiles(path);
      await page.getByRole('alert').getByText('The file is 301.0 MB; the browser can hold tables up to 300.0 MB.').waitFor();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }));

test('XLS and ODS workbooks are read too, and an empty sheet gets a message', () =>
  withApp({}, async (page) => {
    const samples = join(FIXTURES, '..', '..', 'data');
    for (const file of ['sample.xls', 'sample.ods']) {
      await page.getByLabel('Open a file').setInputFiles(join(samples, file));
      await page.getByText(`${file} — 3 rows × 7 columns`).waitFor();
      await preview(page).getByRole('cell', { name: '甲县', exact: true }).waitFor();
      const sheets = await page.getByLabel('Sheet').locator('option').allTextContents();
      assert.ok(sheets.includes('县域数据') && sheets.includes('Second'), `sheets: ${sheets}`);
    }
    // The ODS has an empty sheet: choosing it fails, the table stays.
    await page.getByLabel('Sheet').selectOption('空表');
    await page.getByRole('alert').getByText('Sheet “空表” is empty.').waitFor();
    await page.getByText('sample.ods — 3 rows × 7 columns').waitFor();
    await page.getByLabel('Sheet').selectOption('Second');
    await page.getByText('sample.ods — 2 rows × 2 columns').waitFor();
  }));

test('a long import can be cancelled and the table loaded before stays', () =>
  withApp({}, async (page) => {
    await page.getByRole('button', { name: 'Load County medical alliances' }).click();
    await page.getByText('12 rows × 9 columns').waitFor();
    const dir = await mkdtemp(join(tmpdir(), 'policylens-e2e-'));
    try {
      const path = join(dir, 'long.csv');
      const lines = ['a,b,c,d,e,f'];
      for (let i = 0; i < 1500000; i++) lines.push(`${i},${i % 97},${i % 13}.5,${i % 7},x${i % 5},${i}`);
      await writeFile(path, lines.join('\n'));
      await page.getByLabel('Open a file').setInputFiles(path);
      await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('progressbar').waitFor({ state: 'detached' });
      // Long enough for the import to have finished, had it not stopped.
      await page.waitForTimeout(3000);
      await page.getByText('county_alliances_illustrative.csv — 12 rows × 9 columns').waitFor();
      assert.equal(await page.getByText('long.csv').count(), 0);
      assert.equal(await page.getByRole('alert').count(), 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }));

test('a damaged workbook that crashes the spreadsheet reader gets a message and the page lives on', async () => {
  // damaged.xls: tests/data/sample.xls with 4 bytes changed, on which
  // calamine's XLS reader panics (a slice index out of range). It is read
  // in the worker, so only the worker dies.
  for (const [locale, message] of [
    ['en-US', 'Could not read this file: damaged.xls.'],
    ['zh-CN', '无法读取此文件：damaged.xls。'],
  ]) {
    const b = await launch({ locale });
    try {
      const { page } = b;
      await openApp(page, server.url);
      await page.getByRole('button', { name: /\(LF\)|（LF）/ }).click();
      await page.getByRole('cell', { name: 'AU', exact: true }).waitFor();
      await page.locator('#file-input').setInputFiles(join(FIXTURES, 'damaged.xls'));
      await page.getByRole('alert').getByText(message).waitFor();
      // The table loaded before stays, and the page still imports files.
      await page.getByText(/LF\.csv — 18 /).waitFor();
      await page.getByRole('cell', { name: 'AU', exact: true }).waitFor();
      await page.locator('#file-input').setInputFiles(join(FIXTURES, '..', '..', 'data', 'sample.xls'));
      await page.getByText(/sample\.xls — 3 /).waitFor();
      // Only the worker's crash may be logged, never the page's.
      const pageErrors = b.errors.filter((e) => !/unreachable|worker|panicked|calamine/i.test(e));
      assert.deepEqual(pageErrors, []);
      assert.equal(await page.locator('.panic').count(), 0);
    } finally {
      await b.close();
    }
  }
});
