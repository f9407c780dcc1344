// The Stakeholders section end to end: the bundled example imported from
// the Data section in a few clicks, the classes and roles in the results
// table, raters' agreement, typed ratings with their messages, and the
// stakeholder table edited by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
  page.locator('.results-table').getByRole('row', { name: new RegExp(`^${name}\\b`) });

test('the bundled example imports in a few clicks and the results table shows every class', () =>
  withApp({}, async (page) => {
    await importExample(page);
    await page.getByText('Imported 8 stakeholders, 312 ratings from 5 raters.').waitFor();
    // Columns mapped by name: the wide shape with a rater column was guessed.
    assert.equal(await page.getByLabel('Shape of the table').inputValue(), 'wide');
    const results = page.locator('.results-table');
    const headers = await results.getByRole('columnheader').allInnerTexts();
    for (const h of ['role', 'power–interest quadrant', 'salience class', 'engagement recommendation']) {
      assert.ok(headers.includes(h), `results table has a ${h} column`);
    }
    const cells = async (name) => (await resultRow(page, name).innerText()).split('\t');
    const col = (h) => headers.indexOf(h);
    const bureau = await cells('Health bureau');
    assert.equal(bureau[col('role')], 'driving force');
    assert.equal(bureau[col('power–interest quadrant')], 'manage closely');
    assert.equal(bureau[col('salience class')], 'definitive');
    const others = await cells('Other government departments');
    assert.equal(others[col('role')], 'neutral');
    assert.equal(others[col('power–interest quadrant')], 'keep satisfied');
    assert.equal(others[col('salience class')], 'dominant');
    const township = await cells('Township health centres');
    assert.equal(township[col('role')], 'supporter');
    assert.equal(township[col('power–interest quadrant')], 'keep informed');
    const primary = await cells('Primary-care staff');
    assert.equal(primary[col('power–interest quadrant')], 'monitor');
    assert.match(primary[col('engagement recommendation')], /monitor/);
    // Raters: Kendall's W for every dimension, and the disputed stakeholders.
    const agreement = page.getByRole('table', { name: "Agreement between raters (Kendall's W)" });
    assert.equal(await agreement.getByRole('row').count(), 9);
    assert.match(await agreement.getByRole('row', { name: /^interest/ }).innerText(), /0\.774\s+21\.67\s+7\s+0\.003\s+4/);
    await page.getByText(/^Patients and residents: /).waitFor();
    // Sensitivity shows a stability percentage per stakeholder.
    const stability = page.getByRole('table', { name: 'Sensitivity' });
    assert.equal(await stability.getByRole('row').count(), 9);
    assert.match(await stability.getByRole('row', { name: /^Health bureau/ }).innerText(), /driving force\s+100 %/);
    assert.match(await stability.getByRole('row', { name: /^Medical insurance bureau/ }).innerText(), /driving force\s+72 %\s+—\s+neutral 28 %/);
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
  }));

test('a long table is imported with its problems listed by row and column, and a further dimension', () =>
  withApp({}, async (page) => {
    const rows = [
      'respondent\tstakeholder\tdimension\trating',
      'R1\tHealth bureau\tpower\t7',
      'R1\tHealth bureau\tinterest\t5',
      'R1\tHealth bureau\tknowledge\t3',
      'R1\tPatients\tpower\t2',
      'R1\tPatients\tinterest\tvery',
      'R1\tPatients\tknowledge\t1',
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
    // "knowledge" is not a standard dimension: offered with its scale.
    await page.getByRole('checkbox', { name: 'knowledge' }).check();
    await page.getByRole('button', { name: 'Import ratings' }).click();
    await page.getByText(/^Imported 2 stakeholders, 8 ratings from 2 raters\.$/).waitFor();
    const problems = await page.locator('.problems li').allInnerTexts();
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^Row 5, column “rating” \(stakeholder “Patients”, dimension “interest”\): “very” is not a number/);
    assert.match(problems[1], /^Row 8, column “rating”: stakeholder “Health bureau”, dimension “interest”, rater “R2”: 9 is outside the scale 1…5\./);
    // The valid ratings are in the table, "knowledge" among the dimensions.
    assert.equal(await page.getByLabel('Health bureau — knowledge (1…3)').inputValue(), '3');
  }));
