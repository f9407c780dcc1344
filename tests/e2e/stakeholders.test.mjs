// The Stakeholders section end to end: the bundled example imported in long
// form from the Data section, every model computed and its classes checked
// against native values (English and Chinese), custom models added, renamed
// and deleted, raters' agreement and sensitivity, two charts exported as PNG
// and SVG; every bad input of the issue with its row and column; typed
// ratings with their messages; the stakeholder table edited by keyboard.
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

/** Loads the bundled ratings and imports them in the Stakeholders section. */
export async function importExample(page, zh = false) {
  await page.getByRole('button', { name: zh ? /利益相关者评分/ : 'Load Stakeholder ratings' }).click();
  await page.getByRole('table').first().waitFor();
  await page.getByRole('link', { name: zh ? '利益相关者' : 'Stakeholders' }).click();
  await page.getByRole('button', { name: zh ? '导入评分' : 'Import ratings' }).click();
  await page.locator('.results-table').waitFor();
}

const resultRow = (page, name) =>
  page.locator('.results-table').getByRole('row', { name: new RegExp(`^${name}(\\s|$)`) });

/** The results table as {header, cells(name)}. */
async function resultsTable(page) {
  const headers = await page.locator('.results-table').getByRole('columnheader').allInnerTexts();
  return {
    headers,
    cell: async (name, header) => {
      const i = headers.indexOf(header);
      assert.ok(i >= 0, `results table has a “${header}” column (${headers.join(' | ')})`);
      return (await resultRow(page, name).innerText()).split('\t')[i];
    },
  };
}

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG of at least w × h pixels with real content. */
function assertPng(bytes, what) {
  assert.deepEqual(bytes.subarray(0, 8), PNG, `${what} is a PNG`);
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  assert.ok(w >= 800 && h >= 400, `${what} is ${w} × ${h}`);
  assert.ok(bytes.length > 15_000, `${what} has content (${bytes.length} bytes)`);
}

/** An SVG document that parses as XML in the page and holds `texts`. */
async function assertSvg(page, bytes, texts, what) {
  const text = bytes.toString('utf8');
  assert.match(text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/, `${what} is an SVG`);
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      texts: [...doc.getElementsByTagName('text')].map((e) => e.textContent).join(' '),
    };
  }, text);
  assert.equal(parsed.error, false, `${what} is well-formed XML`);
  const joined = parsed.texts.replace(/\s+/g, '');
  for (const t of texts) {
    assert.ok(joined.includes(t.replace(/\s+/g, '')), `${what} has “${t}”`);
  }
}

/** Adds a custom model and names it; `weights` maps dimensions to weights. */
async function addCustomModel(page, zh, n, name, weights) {
  await page.getByRole('button', { name: zh ? '添加自定义模型' : 'Add a custom model' }).click();
  const fallback = zh ? `自定义加权评分 ${n}` : `Custom weighted score ${n}`;
  const nameField = page.getByLabel(`${zh ? '模型名称' : 'Model name'} — ${fallback}`);
  await nameField.fill(name);
  await nameField.press('Tab');
  for (const [dimension, weight] of Object.entries(weights)) {
    const field = page.getByLabel(`${name}: ${dimension} — ${zh ? '权重' : 'weight'}`, { exact: true });
    await field.fill(String(weight));
    await field.press('Tab');
  }
}

// Classes of the bundled example, computed natively and partly by hand in
// tests/stakeholder.rs (the_bundled_csv_gives_the_classes_the_browser_test_checks).
const EXPECTED = {
  en: {
    'Health bureau': {
      role: 'driving force', 'PolicyMaker position': 'high support', 'feasibility contribution': '40.8',
      'power–interest quadrant': 'manage closely', 'salience class': 'definitive', 'Schmeer position': 'supporter',
      'Schmeer knowledge': 'high', 'Schmeer power index': '2.85', 'Schmeer power': 'high', 'Schmeer leadership': 'yes',
      'Influence: score': '95.556', 'Influence: rank': '1',
    },
    'Other government departments': {
      role: 'neutral', 'PolicyMaker position': 'non-mobilized', 'feasibility contribution': '30',
      'power–interest quadrant': 'keep satisfied', 'salience class': 'dominant', 'Schmeer position': 'neutral',
      'Schmeer knowledge': 'low', 'Schmeer power': 'high', 'Schmeer leadership': 'no', 'Influence: rank': '2',
    },
    'Medical insurance bureau': {
      role: 'driving force', 'PolicyMaker position': 'medium support', 'feasibility contribution': '24',
      'power–interest quadrant': 'manage closely', 'salience class': 'dominant', 'Schmeer position': 'moderate supporter',
      'Schmeer knowledge': 'moderate', 'Schmeer power index': '2.875', 'Schmeer leadership': 'yes',
    },
    'County hospitals': {
      role: 'supporter', 'PolicyMaker position': 'high support', 'feasibility contribution': '25',
      'salience class': 'definitive', 'Schmeer power index': '2', 'Schmeer power': 'moderate', 'Influence: score': '55.556',
    },
    'Township health centres': {
      role: 'supporter', 'PolicyMaker power': 'moderate', 'power–interest quadrant': 'keep informed',
      'salience class': 'dependent', 'Schmeer power': 'low',
    },
    'County-hospital staff': { role: 'supporter', 'feasibility contribution': '6', 'Influence: rank': '6' },
    'Primary-care staff': {
      role: 'neutral', 'PolicyMaker position': 'low opposition', 'feasibility contribution': '2',
      'power–interest quadrant': 'monitor', 'salience class': 'dependent', 'Schmeer position': 'neutral', 'Influence: rank': '8',
    },
    'Patients and residents': {
      role: 'supporter', 'feasibility contribution': '6.6', 'power–interest quadrant': 'keep informed', 'Influence: rank': '7',
    },
  },
  zh: {
    卫生健康局: {
      角色: '主要推动力量', 'PolicyMaker 立场': '强烈支持', 可行性贡献: '40.8', '权力—利益象限': '重点管理',
      显著性类型: '确定型', 'Schmeer 立场': '支持', 'Schmeer 领导力': '有', '综合影响力: 排名': '1',
    },
    其他政府部门: {
      角色: '中立者', 'PolicyMaker 立场': '未动员', '权力—利益象限': '令其满意', 显著性类型: '支配型',
      'Schmeer 立场': '中立', 'Schmeer 领导力': '无',
    },
    乡镇卫生院: { 角色: '支持者', '权力—利益象限': '随时告知', 显著性类型: '依赖型', 'Schmeer 立场': '中度支持' },
    基层医务人员: { 'PolicyMaker 立场': '轻度反对', '权力—利益象限': '监测', '综合影响力: 排名': '8' },
  },
};

for (const zh of [false, true]) {
  const lang = zh ? 'zh' : 'en';
  test(`${lang}: the bundled example imports in long form, every model is computed and checked, agreement and sensitivity are shown, two charts export`, () =>
    withApp(zh ? { locale: 'zh-CN' } : {}, async (page) => {
      await page.getByRole('button', { name: zh ? /利益相关者评分/ : 'Load Stakeholder ratings' }).click();
      await page.getByRole('table').first().waitFor();
      await page.getByRole('link', { name: zh ? '利益相关者' : 'Stakeholders' }).click();
      // Long form guessed from the column names; the name column in the page's language.
      assert.equal(await page.locator('#sh-shape').inputValue(), 'long');
      assert.equal(await page.locator('#sh-col-name option:checked').textContent(), zh ? '利益相关者' : 'stakeholder');
      await page.getByRole('button', { name: zh ? '导入评分' : 'Import ratings' }).click();
      await page.locator('.results-table').waitFor();
      await page.getByText(zh ? '已导入' : 'Imported 8 stakeholders, 429 ratings from 5 raters.').first().waitFor();
      // The partial respondent is reported in one line with the row and the 11 columns.
      const partial = page.locator('.partial-raters li');
      assert.equal(await partial.count(), 1);
      assert.match(
        await partial.first().innerText(),
        zh
          ? /^评分者“R5”未对第 3 行（“医疗保障局”）的 11 列：“interest”、“cognition”、.*“leadership”评分。/
          : /^Rater “R5” did not rate row 3 \(“Medical insurance bureau”\) in 11 columns: “interest”, “cognition”, .*“leadership”\. /,
      );
      // A custom model built in the page, a second one renamed and deleted.
      const influence = zh ? '综合影响力' : 'Influence';
      await addCustomModel(page, zh, 1, influence, { capability: 1, resources: 1, power: 1 });
      await addCustomModel(page, zh, 2, zh ? '关注度' : 'Attention', { interest: 2, urgency: 1 });
      const attention = page.getByLabel(`${zh ? '模型名称' : 'Model name'} — ${zh ? '关注度' : 'Attention'}`);
      await attention.fill(influence.toLowerCase());
      await attention.press('Tab');
      await page.getByText(zh ? `第 1 个自定义模型已使用名称“${influence.toLowerCase()}”` : `Custom model 1 is already named “${influence.toLowerCase()}”`).waitFor();
      const headersWithTwo = await page.locator('.results-table').getByRole('columnheader').allInnerTexts();
      assert.ok(headersWithTwo.includes(zh ? '关注度: 得分' : 'Attention: score'));
      await page.getByRole('button', { name: `${zh ? '删除自定义模型' : 'Delete the custom model'} — ${zh ? '关注度' : 'Attention'}` }).click();
      const rename = zh ? '综合影响力' : 'Influence';
      const t = await resultsTable(page);
      assert.ok(!t.headers.includes(zh ? '关注度: 得分' : 'Attention: score'));
      // Every model's columns, and the classes computed natively.
      const expected = EXPECTED[lang];
      for (const [name, cells] of Object.entries(expected)) {
        for (const [header, value] of Object.entries(cells)) {
          const h = zh ? header.replace('综合影响力', rename) : header;
          assert.equal(await t.cell(name, h), value, `${name} — ${h}`);
        }
      }
      assert.equal(await page.locator('.results-table tbody tr').count(), 8);
      assert.equal(await page.locator('.stakeholder-results .hint li').count(), 0, 'no model was skipped');
      // Agreement between raters: every dimension, R5 left out.
      const agreement = page.getByRole('table', { name: zh ? '评分者一致性（Kendall W）' : "Agreement between raters (Kendall's W)" });
      assert.equal(await agreement.getByRole('row').count(), 12);
      assert.match(await agreement.getByRole('row', { name: /^interest/ }).innerText(), /0\.774\s+21\.67\s+7\s+0\.003\s+4/);
      assert.match(await agreement.getByRole('row', { name: /^leadership/ }).innerText(), /0\.538\s+15\.07\s+7\s+0\.035\s+4/);
      // Sensitivity: a stability percentage per stakeholder, for the custom model too.
      const stability = page.getByRole('table', { name: zh ? '敏感性分析' : 'Sensitivity' });
      assert.equal(await stability.getByRole('row').count(), 9);
      await page.locator('#sh-sens-model').selectOption({ label: rename });
      await page.waitForFunction(() => /%/.test(document.querySelector('.stakeholder-sensitivity table')?.innerText ?? ''));
      assert.equal(await stability.getByRole('row').count(), 9);
      await page.locator('#sh-sens-model').selectOption({ index: 4 }); // Schmeer
      assert.match(await stability.innerText(), /\d+ %/);
      // Two charts exported as PNG and SVG: valid files, names intact.
      const map = zh ? '立场图' : 'Position map';
      const png = await download(page, page.getByRole('button', { name: `PNG ${map}` }));
      assert.equal(png.name, 'position_map.png');
      assertPng(png.bytes, 'position map PNG');
      const svg = await download(page, page.getByRole('button', { name: `SVG ${map}` }));
      assert.equal(svg.name, 'position_map.svg');
      await assertSvg(page, svg.bytes, zh ? ['立场图', '卫生健康局', '其他政府部门', '强烈支持'] : ['Position map', 'Health bureau', 'Other government departments', 'high support'], 'position map SVG');
      const venn = zh ? '利益相关者显著性' : 'Stakeholder salience';
      const vpng = await download(page, page.getByRole('button', { name: `PNG 300 dpi ${venn}` }));
      assertPng(vpng.bytes, 'salience PNG');
      const vsvg = await download(page, page.getByRole('button', { name: `SVG ${venn}` }));
      await assertSvg(page, vsvg.bytes, zh ? ['利益相关者显著性', '确定型', '卫生健康局', '医疗保障局', '患者和居民'] : ['Stakeholder salience', 'definitive', 'Health bureau', 'Patients and residents'], 'salience SVG');
      // The custom scores chart lists the model.
      const custom = await download(page, page.getByRole('button', { name: `SVG ${zh ? '自定义模型得分与排名' : 'Custom model scores and ranks'}` }));
      await assertSvg(page, custom.bytes, [rename], 'custom scores SVG');
    }));
}

test('every bad input of the issue is reported with its row and column', () =>
  withApp({}, async (page) => {
    // Wide: text in a number, out of scale, a duplicate name, a stakeholder without ratings.
    const wide = [
      'stakeholder\tgroup\tpower\tinterest',
      'Health bureau\tgov\t5\t4',
      'Hospitals\tprov\tsix\t3',
      'Patients\tpublic\t9\t5',
      'health bureau\tgov\t1\t1',
      'Residents\tpublic\t\t',
    ];
    await page.getByLabel('Paste cells copied from Excel').fill(wide.join('\n'));
    await page.getByRole('button', { name: 'Use pasted cells' }).click();
    await page.getByRole('link', { name: 'Stakeholders' }).click();
    assert.equal(await page.getByLabel('Shape of the table').inputValue(), 'wide');
    await page.getByRole('button', { name: 'Import ratings' }).click();
    await page.getByText(/^Imported 4 stakeholders, 4 ratings/).waitFor();
    const problems = await page.locator('.problems li').allInnerTexts();
    assert.deepEqual(problems, [
      'Row 2, column “power” (stakeholder “Hospitals”, dimension “power”): “six” is not a number or a level of the scale.',
      'Row 3, column “power”: stakeholder “Patients”, dimension “power”: 9 is outside the scale 1…7.',
      'Row 4: stakeholder “health bureau” is already in row 1.',
    ]);
    await page.getByText('Row 4: stakeholder “Residents” has no ratings in any column: rate it (or delete the row) to compute the models that need it.').waitFor();
    // Long: a respondent who rated only some stakeholders.
    const long = [
      'respondent\tstakeholder\tdimension\trating',
      'R1\tHealth bureau\tpower\t7',
      'R1\tPatients\tpower\t2',
      'R2\tHealth bureau\tpower\t6',
    ];
    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByLabel('Paste cells copied from Excel').fill(long.join('\n'));
    await page.getByRole('button', { name: 'Use pasted cells' }).click();
    await page.getByRole('link', { name: 'Stakeholders' }).click();
    assert.equal(await page.getByLabel('Shape of the table').inputValue(), 'long');
    await page.getByRole('button', { name: 'Import ratings' }).click();
    await page.getByText('Imported 2 stakeholders, 3 ratings from 2 raters.').waitFor();
    assert.deepEqual(await page.locator('.partial-raters li').allInnerTexts(), [
      'Rater “R2” did not rate row 2 (“Patients”) in column “power”. The other raters\' ratings are used there, and this rater is left out of the agreement on “power”.',
    ]);
  }));

test('cut points change the classes: a Mendelow power cut of 6.5 moves the medical insurance bureau', () =>
  withApp({}, async (page) => {
    await importExample(page);
    const quadrant = async () => {
      const headers = await page.locator('.results-table').getByRole('columnheader').allInnerTexts();
      return (await resultRow(page, 'Medical insurance bureau').innerText()).split('\t')[headers.indexOf('power–interest quadrant')];
    };
    assert.equal(await quadrant(), 'manage closely');
    await page.getByLabel('Power cut point').fill('6.5');
    await page.getByLabel('Power cut point').press('Enter');
    await page.getByLabel('Power cut point').blur();
    await page.waitForFunction(() => document.querySelector('.results-table')?.innerText.includes('keep informed'));
    assert.equal(await quadrant(), 'keep informed');
  }));

test('a rating that is not a number or out of scale gives a message saying where, keeping the old value', () =>
  withApp({}, async (page) => {
    await importExample(page);
    const cell = page.getByLabel('Health bureau — interest (1…5)');
    const before = await cell.inputValue();
    await cell.fill('lots');
    await cell.press('Tab');
    const alert = page.locator('.stakeholder-table [role=alert]');
    await alert.waitFor();
    assert.match(
      await alert.innerText(),
      /Row 1, column “interest” \(stakeholder “Health bureau”, dimension “interest”\): “lots” is not a number/,
    );
    await cell.fill('9');
    await cell.press('Tab');
    await page.getByText(/9 is outside the scale 1…5/).waitFor();
    // Nothing was lost: the results still show the bureau as a driving force.
    const rater = await page.getByLabel('Ratings of rater').inputValue();
    assert.equal(rater, 'R1');
    await page.getByRole('button', { name: 'Move down — Health bureau' }).waitFor();
    assert.match(await resultRow(page, 'Health bureau').innerText(), /driving force/);
    assert.notEqual(before, '');
  }));

test('the message is in Chinese when the page is', () =>
  withApp({ locale: 'zh-CN' }, async (page) => {
    await importExample(page, true);
    const cell = page.getByLabel('卫生健康局 — interest (1…5)').or(page.getByLabel('Health bureau — interest (1…5)'));
    await cell.first().fill('abc');
    await cell.first().press('Tab');
    await page.getByText(/第 1 行，“interest”列.*“abc”不是数值/).waitFor();
  }));

test('stakeholders are added, renamed, moved and deleted from the keyboard', () =>
  withApp({}, async (page) => {
    await page.getByRole('link', { name: 'Stakeholders' }).click();
    await page.getByText('No stakeholders yet').waitFor();
    const add = page.getByRole('button', { name: 'Add a stakeholder' });
    await add.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    assert.equal(await page.getByLabel('Name 1').inputValue(), 'Stakeholder 1');
    assert.equal(await page.getByLabel('Name 2').inputValue(), 'Stakeholder 2');
    await page.getByLabel('Name 1').fill('Health bureau');
    await page.getByLabel('Name 1').press('Tab');
    await page.getByLabel('Group — Health bureau').fill('government');
    await page.getByLabel('Group — Health bureau').press('Tab');
    // A duplicate name is refused with its row.
    await page.getByLabel('Name 2').fill('Health bureau');
    await page.getByLabel('Name 2').press('Tab');
    await page.getByText('Row 2: stakeholder “Health bureau” is already in row 1.').waitFor();
    // Ratings typed by hand, as numbers or levels.
    await page.getByLabel('Health bureau — interest (1…5)').fill('5');
    await page.getByLabel('Health bureau — interest (1…5)').press('Tab');
    // A second rater: the combined rating is their mean.
    await page.getByLabel('New rater (name, then Enter)').fill('R2');
    await page.getByLabel('New rater (name, then Enter)').press('Enter');
    assert.equal(await page.getByLabel('Ratings of rater').inputValue(), 'R2');
    assert.equal(await page.getByLabel('Health bureau — interest (1…5)').inputValue(), '');
    await page.getByLabel('Health bureau — interest (1…5)').fill('4');
    await page.getByLabel('Health bureau — interest (1…5)').press('Tab');
    await page.getByRole('cell', { name: /^4\.50 \(0\.71; 4\.0–5\.0\)$/ }).waitFor();
    await page.getByLabel('Ratings of rater').selectOption('R1');
    assert.equal(await page.getByLabel('Health bureau — interest (1…5)').inputValue(), '5');
    await page.getByRole('button', { name: 'Move down — Health bureau' }).click();
    assert.equal(await page.getByLabel('Name 2').inputValue(), 'Health bureau');
    assert.equal(await page.getByLabel('Health bureau — interest (1…5)').inputValue(), '5');
    await page.getByRole('button', { name: 'Delete — Stakeholder 2' }).click();
    assert.equal(await page.getByLabel('Name 1').inputValue(), 'Health bureau');
    assert.equal(await page.getByLabel('Name 2').count(), 0);
    // A dimension of its own, with its scale; a duplicate is refused.
    await page.getByLabel('Dimension', { exact: true }).fill('visibility');
    await page.getByLabel('from', { exact: true }).fill('1');
    await page.getByLabel('to', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Add a dimension' }).click();
    await page.getByLabel('Health bureau — visibility (1…3)').fill('4');
    await page.getByLabel('Health bureau — visibility (1…3)').press('Tab');
    await page.getByText(/4 is outside the scale 1…3/).waitFor();
    await page.getByLabel('Dimension', { exact: true }).fill('interest');
    await page.getByRole('button', { name: 'Add a dimension' }).click();
    await page.getByText('Dimension “interest” already exists.').waitFor();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete the dimension — visibility' }).click();
    assert.equal(await page.getByLabel('Health bureau — visibility (1…3)').count(), 0);
    assert.equal(await page.getByLabel('Health bureau — interest (1…5)').inputValue(), '5');
  }));

test('a long table is imported with its problems listed by row and column, and a further dimension', () =>
  withApp({}, async (page) => {
    const rows = [
      'respondent\tstakeholder\tdimension\trating',
      'R1\tHealth bureau\tpower\t7',
      'R1\tHealth bureau\tinterest\t5',
      'R1\tHealth bureau\tvisibility\t3',
      'R1\tPatients\tpower\t2',
      'R1\tPatients\tinterest\tvery',
      'R1\tPatients\tvisibility\t1',
      'R2\tHealth bureau\tpower\t6',
      'R2\tHealth bureau\tinterest\t9',
      'R2\tPatients\tpower\t1',
      'R2\tPatients\tinterest\t4',
    ];
    await page.getByLabel('Paste cells copied from Excel').fill(rows.join('\n'));
    await page.getByRole('button', { name: 'Use pasted cells' }).click();
    await page.getByText('pasted cells — 10 rows × 4 columns').waitFor();
    await page.getByRole('link', { name: 'Stakeholders' }).click();
    assert.equal(await page.getByLabel('Shape of the table').inputValue(), 'long');
    // "visibility" is not a standard dimension: offered with its scale.
    await page.getByRole('checkbox', { name: 'visibility' }).check();
    await page.getByRole('button', { name: 'Import ratings' }).click();
    await page.getByText(/^Imported 2 stakeholders, 8 ratings from 2 raters\.$/).waitFor();
    const problems = await page.locator('.problems li').allInnerTexts();
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^Row 5, column “rating” \(stakeholder “Patients”, dimension “interest”\): “very” is not a number/);
    assert.match(problems[1], /^Row 8, column “rating”: stakeholder “Health bureau”, dimension “interest”, rater “R2”: 9 is outside the scale 1…5\./);
    // The valid ratings are in the table, "visibility" among the dimensions.
    assert.equal(await page.getByLabel('Health bureau — visibility (1…3)').inputValue(), '3');
  }));

test('names that differ only in case or spaces are merged and the page says which names and rows, in both languages', () =>
  withApp({}, async (page) => {
    const rows = [
      'respondent\tstakeholder\tdimension\trating',
      'R1\tHealth bureau\tpower\t7',
      'R1\tPatients\tpower\t2',
      'R2\thealth  Bureau\tPower\t6',
      'R2\tPATIENTS\tpower\t1',
      'r2\tPatients\tinterest\t4',
    ];
    await page.getByLabel('Paste cells copied from Excel').fill(rows.join('\n'));
    await page.getByRole('button', { name: 'Use pasted cells' }).click();
    await page.getByRole('link', { name: 'Stakeholders' }).click();
    await page.getByRole('button', { name: 'Import ratings' }).click();
    await page.getByText('Imported 2 stakeholders, 5 ratings from 2 raters.').waitFor();
    const merged = page.locator('.merged-names li');
    assert.deepEqual(await merged.allInnerTexts(), [
      'Stakeholder “health  Bureau” in row 3 was counted as “Health bureau” (first in row 1): the two differ only in case or spaces.',
      'Stakeholder “PATIENTS” in row 4 was counted as “Patients” (first in row 2): the two differ only in case or spaces.',
      'Rater “r2” in row 5 was counted as “R2” (first in row 3): the two differ only in case or spaces.',
      'Dimension “Power” in row 3 was counted as “power” (first in row 1): the two differ only in case or spaces.',
    ]);
    assert.equal(await page.locator('.problems li').count(), 0);
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await page.getByText('已合并的名称（仅大小写或空格不同）').waitFor();
    assert.equal(
      await merged.first().innerText(),
      '第 3 行的利益相关者“health  Bureau”按“Health bureau”（首见于第 1 行）计入：两者仅大小写或空格不同。',
    );
  }));

test('PolicyMaker cut points are settings: a high cut of 7 moves the health bureau to medium support, and the help states the cuts and their source', () =>
  withApp({}, async (page) => {
    await importExample(page);
    const column = async () => {
      const headers = await page.locator('.results-table').getByRole('columnheader').allInnerTexts();
      return (await resultRow(page, 'Health bureau').innerText()).split('\t')[headers.indexOf('PolicyMaker position')];
    };
    assert.equal(await column(), 'high support');
    const help = page.locator('details.model-help', { hasText: 'Formulas and rules — PolicyMaker' });
    await help.locator('summary').click();
    assert.match(await help.innerText(), /\|position\| ≥ 5 is high, 3 to below 5 medium/);
    assert.match(await help.innerText(), /are a convention that splits the 1–7 intensity/);
    const cut = page.getByLabel('|position| high from');
    await cut.fill('7');
    await cut.press('Enter');
    await cut.blur();
    await page.waitForFunction(() => /\|position\| ≥ 7 is high/.test(document.querySelector('.model-help[open]')?.innerText ?? ''));
    assert.equal(await column(), 'medium support');
    assert.match(await help.innerText(), /\|position\| ≥ 7 is high, 3 to below 7 medium/);
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await page.waitForFunction(() => /\|立场\| ≥ 7 为强/.test(document.querySelector('.model-help[open]')?.innerText ?? ''));
    const helpZh = page.locator('details.model-help', { hasText: '公式与规则 — PolicyMaker' });
    assert.match(await helpZh.innerText(), /\|立场\| ≥ 7 为强，3 至 7（不含）为中/);
    assert.match(await helpZh.innerText(), /是把 1–7 强度大致三等分的惯例/);
  }));
