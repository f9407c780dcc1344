// Chart export through ChartView: SVG and PNG files of the stakeholder
// charts, checked as files (PNG signature, pixel size from the IHDR chunk,
// 300 dpi pHYs chunk; SVG text with the Chinese labels when the page is in
// Chinese).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launch, openApp } from './helpers.mjs';

let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

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

async function importExample(page, zh) {
  await page.getByRole('button', { name: zh ? /利益相关者评分/ : 'Load Stakeholder ratings' }).click();
  await page.getByRole('table').first().waitFor();
  await page.getByRole('link', { name: zh ? '利益相关者' : 'Stakeholders' }).click();
  await page.getByRole('button', { name: zh ? '导入评分' : 'Import ratings' }).click();
  await page.locator('.results-table').waitFor();
}

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (b) => [b.readUInt32BE(16), b.readUInt32BE(20)];
/** Pixels per metre of the pHYs chunk, or null. */
function pngPpm(b) {
  let i = 8;
  while (i + 8 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    if (type === 'pHYs') return b.readUInt32BE(i + 8);
    if (type === 'IDAT') return null;
    i += 12 + len;
  }
  return null;
}

test('the power–interest grid exports as PNG, 300 dpi PNG and SVG', () =>
  withApp({}, async (page) => {
    await importExample(page, false);
    const png = await download(page, page.getByRole('button', { name: 'PNG Power–interest grid' }));
    assert.equal(png.name, 'power_interest.png');
    assert.deepEqual(png.bytes.subarray(0, 8), PNG);
    assert.deepEqual(pngSize(png.bytes), [1600, 1040]);
    // 16 cm at 300 dpi = 1890 px wide; the height keeps the proportions.
    const print = await download(page, page.getByRole('button', { name: 'PNG 300 dpi Power–interest grid' }));
    assert.equal(print.name, 'power_interest_300dpi.png');
    assert.deepEqual(print.bytes.subarray(0, 8), PNG);
    assert.deepEqual(pngSize(print.bytes), [1890, 1229]);
    assert.equal(pngPpm(print.bytes), 11811);
    assert.ok(print.bytes.length > 20_000, `a real picture, not an empty canvas (${print.bytes.length} bytes)`);
    const svg = await download(page, page.getByRole('button', { name: 'SVG Power–interest grid' }));
    assert.equal(svg.name, 'power_interest.svg');
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<svg/);
    assert.match(text, /Health bureau/);
    assert.match(text, /manage closely/);
  }));

test('a bad print width is refused with a message', () =>
  withApp({}, async (page) => {
    await importExample(page, false);
    const width = page.getByRole('group', { name: 'Save the chart — Feasibility' }).getByRole('textbox', { name: 'Print width' });
    await width.fill('0');
    await page.getByRole('button', { name: 'PNG 300 dpi Feasibility' }).click();
    await page.getByText('The print width must be a positive number up to 60 cm').waitFor();
  }));

test('in Chinese the SVG and PNG exports keep the Chinese labels', () =>
  withApp({ locale: 'zh-CN' }, async (page) => {
    await importExample(page, true);
    const svg = await download(page, page.getByRole('button', { name: 'SVG 利益相关者显著性' }));
    const text = svg.bytes.toString('utf8');
    for (const label of ['权力', '合法性', '紧迫性']) {
      assert.ok(text.includes(label), `SVG has ${label}`);
    }
    const grid = await download(page, page.getByRole('button', { name: 'SVG 权力—利益矩阵' }));
    assert.match(grid.bytes.toString('utf8'), /权力—利益矩阵/);
    assert.match(grid.bytes.toString('utf8'), /重点管理/);
    const png = await download(page, page.getByRole('button', { name: 'PNG 300 dpi 权力—利益矩阵' }));
    assert.deepEqual(png.bytes.subarray(0, 8), PNG);
    assert.equal(pngPpm(png.bytes), 11811);
  }));
