// The report and the R script: downloaded from the Report section, their
// content checked against the project's settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
    const { name, text } = await downloadText(page, 'Download the report (HTML)');
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
