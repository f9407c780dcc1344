// The report and the R script: downloaded from the Report section, their
// content checked against the project's settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT, DIST, serveDist, launch, openApp } from './helpers.mjs';

const ROOT_DIST = process.env.POLICYLENS_DIST ?? DIST;
const V1_FILE = join(ROOT, 'tests', 'data', 'project_v1.policylens.json');
let server;
before(async () => {
  server = await serveDist({ root: ROOT_DIST });
});
after(async () => {
  await server?.close();
});

async function downloadText(page, buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

async function openAnalysis(page) {
  await openApp(page, server.url);
  await page.locator('#project-file').setInputFiles(V1_FILE);
  await page.getByRole('table').first().waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^(Save project file|保存项目文件)$/ }).click(),
  ]);
  const project = JSON.parse(await readFile(await download.path(), 'utf8')).project;
  await page.getByRole('navigation').getByRole('link', { name: /^(Report|报告)$/ }).click();
  return project;
}

test('the report holds every part of the analysis, self-contained and printable', async () => {
  const b = await launch();
  try {
    const { page } = b;
    const project = await openAnalysis(page);
    // The report's minimization runs in a web worker, not on the page.
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    const { name, text } = await downloadText(page, 'Download the report (HTML)');
    assert.ok(workers.some((u) => /worker/.test(u)), `workers started: ${workers}`);
    assert.equal(name, 'Lipset fuzzy (GDP calibrated) report.html');
    assert.match(text, /^<!doctype html>/);
    assert.match(text, /<title>Lipset fuzzy \(GDP calibrated\)<\/title>/);
    assert.match(text, /LF: 18 cases × 7 columns/);
    // Calibration anchors as set.
    const { exclusion, crossover, inclusion } = project.calibrations[0].method.Logistic.anchors;
    assert.ok(text.includes(`e = ${exclusion}, c = ${crossover}, i = ${inclusion}`), 'anchors');
    for (const part of ['Necessary conditions', 'inclN', 'RoN', 'Truth table', 'incl.cut = 0.8', 'exclude = 3',
      'Complex solution M1', 'Parsimonious solution M1', 'Intermediate solution C1P1 M1', 'covU',
      'Configuration chart', 'XY plot', 'Methods', '@media print']) {
      assert.ok(text.includes(part), part);
    }
    assert.equal((text.match(/<svg/g) ?? []).length, 2, 'configuration chart and XY plot as inline SVG');
    // The intermediate solution of the LF data with these settings (R QCA 3.25).
    assert.match(text, /DEV\*URB\*LIT\*STB \+ DEV\*LIT\*~IND\*STB → SURV|→ SURV/);
    // Nothing to fetch: no external URL, no script.
    assert.ok(!/(src|href)="https?:/.test(text));
    assert.ok(!/<script/i.test(text));
    // A methods paragraph with the settings.
    assert.match(text, /consistency threshold of 0\.8 \(incl\.cut\), a frequency threshold of 1 case\(s\)/);
  } finally {
    await b.close();
  }
});

test('the report is in Chinese when the interface is', async () => {
  const b = await launch({ locale: 'zh-CN' });
  try {
    const { page } = b;
    await openAnalysis(page);
    const { text } = await downloadText(page, '下载报告（HTML）');
    assert.match(text, /<html lang="zh-Hans">/);
    for (const part of ['必要条件分析', '真值表', '复杂解', '中间解', '组态图', '本研究采用模糊集定性比较分析（fsQCA）']) {
      assert.ok(text.includes(part), part);
    }
  } finally {
    await b.close();
  }
});

test('the R script calls calibrate, truthTable and minimize with the project settings', async () => {
  const b = await launch();
  try {
    const { page } = b;
    const project = await openAnalysis(page);
    const { name, text } = await downloadText(page, 'Download the R script');
    assert.equal(name, 'Lipset fuzzy (GDP calibrated).R');
    assert.match(text, /library\(QCA\)/);
    const c = project.calibrations[0];
    const a = c.method.Logistic.anchors;
    assert.ok(
      text.includes(`calibrate(dat[["${c.source}"]], type = "fuzzy", thresholds = "e=${a.exclusion}, c=${a.crossover}, i=${a.inclusion}"`),
      text,
    );
    const q = project.qca;
    const tt = q.truth_table;
    const sets = [...q.conditions, q.outcome].map((s) => `"${s}"`).join(', ');
    assert.ok(text.includes(`truthTable(dat[, c(${sets})], outcome = "${q.outcome}", conditions = c(${q.conditions.map((s) => `"${s}"`).join(', ')}), incl.cut = ${tt.incl_cut}, n.cut = ${tt.n_cut}, pri.cut = ${tt.pri_cut}, exclude = c(${tt.exclude.join(', ')})`), text);
    const rowDom = q.minimize.options.row_dom ? 'TRUE' : 'FALSE';
    assert.ok(text.includes(`sol_c <- minimize(tt, row.dom = ${rowDom}, details = TRUE)`), text);
    assert.ok(text.includes(`sol_p <- minimize(tt, include = "?", row.dom = ${rowDom}, details = TRUE)`), text);
    assert.ok(text.includes(`sol_i <- minimize(tt, include = "?", dir.exp = c("DEV", "STB", "~LIT*IND"), row.dom = ${rowDom}, details = TRUE)`), text);
  } finally {
    await b.close();
  }
});

/** The text chunks of a PNG before its image data: { keyword: text }. */
function pngTexts(b) {
  const out = {};
  let i = 8;
  while (i + 8 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const data = b.subarray(i + 8, i + 8 + len);
    if (type === 'IDAT') break;
    const zero = data.indexOf(0);
    const keyword = data.toString('latin1', 0, zero);
    if (type === 'tEXt') out[keyword] = data.toString('latin1', zero + 1);
    if (type === 'iTXt') {
      // flag, method, language\0, translated\0, text
      let j = zero + 3;
      j = data.indexOf(0, j) + 1;
      j = data.indexOf(0, j) + 1;
      out[keyword] = data.toString('utf8', j);
    }
    i += 12 + len;
  }
  return out;
}

test('exported charts carry their title, data, settings and the app version', async () => {
  for (const zh of [false, true]) {
    const b = await launch({ locale: zh ? 'zh-CN' : 'en-US' });
    try {
      const { page } = b;
      await openApp(page, server.url);
      await page.getByRole('button', { name: zh ? /^载入 利益相关者评分/ : 'Load Stakeholder ratings' }).click();
      await page.getByRole('table').first().waitFor();
      await page.getByRole('link', { name: zh ? '利益相关者' : 'Stakeholders' }).click();
      await page.getByRole('button', { name: zh ? '导入评分' : 'Import ratings' }).click();
      await page.locator('.results-table').waitFor();
      const pngButton = page.getByRole('button', { name: /^PNG / }).first();
      const label = (await pngButton.getAttribute('aria-label'))?.replace(/^PNG /, '') ?? (await pngButton.innerText());
      const [png] = await Promise.all([page.waitForEvent('download'), pngButton.click()]);
      const texts = pngTexts(await readFile(await png.path()));
      assert.equal(texts.Title, label, JSON.stringify(texts).slice(0, 300));
      assert.match(texts.Source, /^stakeholder_ratings_illustrative \(\d+ × \d+\)$/);
      assert.match(texts.Software, /^PolicyLens \d+\.\d+\.\d+$/);
      const settings = JSON.parse(texts.Comment);
      assert.ok('stakeholder' in settings && 'qca' in settings && settings.data == null);
      const svgButton = page.getByRole('button', { name: /^SVG / }).first();
      const [svg] = await Promise.all([page.waitForEvent('download'), svgButton.click()]);
      const text = await readFile(await svg.path(), 'utf8');
      assert.match(text, /^<svg[^>]*>\n<title>[^<]+<\/title>\n<metadata><policylens:chart xmlns:policylens="urn:policylens:chart">/);
      assert.ok(text.includes(`<title>${label}</title>`));
      assert.match(text, /<policylens:data>stakeholder_ratings_illustrative \(\d+ × \d+\)<\/policylens:data>/);
      assert.match(text, /<policylens:software>PolicyLens \d+\.\d+\.\d+<\/policylens:software>/);
    } finally {
      await b.close();
    }
  }
});

test('the report shows the custom models’ score chart beside the other stakeholder charts, in both languages', async () => {
  for (const zh of [false, true]) {
    const b = await launch(zh ? { locale: 'zh-CN' } : {});
    try {
      const { page } = b;
      await openApp(page, server.url);
      await page.getByRole('button', { name: zh ? /利益相关者评分/ : 'Load Stakeholder ratings' }).click();
      await page.getByRole('table').first().waitFor();
      await page.getByRole('link', { name: zh ? '利益相关者' : 'Stakeholders' }).click();
      await page.getByRole('button', { name: zh ? '导入评分' : 'Import ratings' }).click();
      await page.locator('.results-table').waitFor();
      const report = zh ? '下载报告（HTML）' : 'Download the report (HTML)';
      const title = zh ? '自定义模型得分与排名' : 'Custom model scores and ranks';
      await page.getByRole('navigation').getByRole('link', { name: zh ? '报告' : 'Report' }).click();
      const { text: before } = await downloadText(page, report);
      assert.ok(before.includes('<svg') && !before.includes(title), 'no custom chart without custom models');
      await page.getByRole('navigation').getByRole('link', { name: zh ? '利益相关者' : 'Stakeholders' }).click();
      // One custom model built in the page, named in the page's language.
      await page.getByRole('button', { name: zh ? '添加自定义模型' : 'Add a custom model' }).click();
      const nameField = page.getByLabel(`${zh ? '模型名称' : 'Model name'} — ${zh ? '自定义加权评分 1' : 'Custom weighted score 1'}`);
      const name = zh ? '综合影响力' : 'Influence';
      await nameField.fill(name);
      await nameField.press('Tab');
      const weight = page.getByLabel(`${name}: power — ${zh ? '权重' : 'weight'}`, { exact: true });
      await weight.fill('2');
      await weight.press('Tab');
      await page.locator('.results-table').getByRole('columnheader', { name: zh ? `${name}: 排名` : `${name}: rank` }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: zh ? '报告' : 'Report' }).click();
      const { text } = await downloadText(page, report);
      const figure = text.match(new RegExp(`<figure[^>]*>(?:(?!</figure>)[\\s\\S])*${title}(?:(?!</figure>)[\\s\\S])*</figure>`));
      assert.ok(figure, `a figure titled “${title}”`);
      assert.ok(figure[0].includes('<svg'), 'drawn as inline SVG');
      assert.ok(figure[0].includes(name), 'the model is named in the chart');
      assert.ok(figure[0].includes(zh ? '卫生健康局' : 'Health bureau'), 'stakeholders are named in the chart');
      assert.ok((text.match(/<svg/g) ?? []).length >= 4, 'grid, custom scores, position map and feasibility chart');
    } finally {
      await b.close();
    }
  }
});

test('the report shows the stakeholder results and charts when ratings were imported', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Load Stakeholder ratings' }).click();
    await page.getByRole('table').first().waitFor();
    await page.getByRole('link', { name: 'Stakeholders' }).click();
    await page.getByRole('button', { name: 'Import ratings' }).click();
    await page.locator('.results-table').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Report' }).click();
    const { text } = await downloadText(page, 'Download the report (HTML)');
    assert.ok(text.includes('<h2>Stakeholders</h2>'));
    assert.ok(text.includes('Ratings, classes and recommendations'));
    assert.ok(text.includes('Health bureau'));
    assert.ok((text.match(/<svg/g) ?? []).length >= 3, 'grid, position map and feasibility chart');
    assert.ok(text.includes('No fsQCA yet'));
  } finally {
    await b.close();
  }
});

/** The entries of a ZIP archive: { name: Buffer } (stored or deflated). */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a ZIP end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out[name] = method === 8 ? inflateRawSync(data) : data;
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

const xmlText = (s) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

async function downloadWorkbook(page, buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const buf = await readFile(await download.path());
  assert.equal(buf.toString('latin1', 0, 4), 'PK\x03\x04', 'a ZIP file');
  const files = unzip(buf);
  for (const part of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']) {
    assert.ok(part in files, `${part} in ${Object.keys(files)}`);
  }
  const sheets = [...files['xl/workbook.xml'].toString('utf8').matchAll(/<sheet name="([^"]*)"/g)].map((m) => xmlText(m[1]));
  const strings = [...(files['xl/sharedStrings.xml']?.toString('utf8') ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => xmlText(m[1]));
  return { name: download.suggestedFilename(), files, sheets, strings };
}

test('all tables download as one XLSX workbook, a sheet per table of the report', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openAnalysis(page);
    const { name, sheets, strings, files } = await downloadWorkbook(page, 'Download all tables (XLSX)');
    assert.equal(name, 'Lipset fuzzy (GDP calibrated) tables.xlsx');
    for (const s of ['Data', 'Calibration', 'Necessity SURV', 'Necessity ~SURV', 'Truth table', 'Complex M1', 'Parsimonious M1', 'Intermediate C1P1 M1']) {
      assert.ok(sheets.includes(s), `${s} in ${sheets}`);
    }
    for (const s of sheets) {
      assert.ok(s.length <= 31 && !/[[\]:*?/\\]/.test(s), s);
    }
    assert.equal(Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).length, sheets.length);
    for (const s of ['inclN', 'RoN', 'covN', 'OUT', 'inclS', 'covU', 'DEV']) {
      assert.ok(strings.includes(s), s);
    }
    // The same numbers as the HTML report: every 3-decimal value of the
    // report's truth table is a number cell of the sheet.
    const { text } = await downloadText(page, 'Download the report (HTML)');
    const ttHtml = text.slice(text.indexOf('<caption>Truth table for'), text.indexOf('</table>', text.indexOf('<caption>Truth table for')));
    const shown = [...ttHtml.matchAll(/<td>(\d\.\d{3})<\/td>/g)].map((m) => m[1]);
    assert.ok(shown.length > 0);
    const idx = sheets.indexOf('Truth table') + 1;
    const ttXml = files[`xl/worksheets/sheet${idx}.xml`].toString('utf8');
    const values = [...ttXml.matchAll(/<c [^>]*><v>([^<]*)<\/v><\/c>/g)].map((m) => Number(m[1]).toFixed(3));
    for (const v of shown) assert.ok(values.includes(v), `${v} in the truth table sheet`);
  } finally {
    await b.close();
  }
});

test('the workbook keeps Chinese text and Chinese sheet names', async () => {
  const b = await launch({ locale: 'zh-CN' });
  try {
    const { page } = b;
    await openAnalysis(page);
    const { sheets, strings } = await downloadWorkbook(page, '下载全部表格（XLSX）');
    for (const s of ['数据', '真值表', '复杂解 M1', '简约解 M1']) {
      assert.ok(sheets.includes(s), `${s} in ${sheets}`);
    }
    assert.ok(strings.includes('案例'), 'a Chinese header');
    assert.ok(strings.some((s) => s.startsWith('真值表，结果：')), 'a Chinese caption');
  } finally {
    await b.close();
  }
});
