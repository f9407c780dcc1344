// The shell: header, navigation, language switch, sections not built yet,
// keyboard use, and no request leaving 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, onlyLocal } from './helpers.mjs';

let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

test('the shell shows the name, the four sections and the data section first', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openApp(page, server.url);
    await page.getByRole('heading', { level: 1, name: 'PolicyLens' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const name of ['Data', 'Stakeholders', 'fsQCA', 'Report']) {
      await nav.getByRole('link', { name, exact: true }).waitFor();
    }
    assert.equal(await nav.getByRole('link', { name: 'Data' }).getAttribute('aria-current'), 'page');
    await page.getByRole('heading', { level: 2, name: 'Data' }).waitFor();
    await page.getByText('No data loaded yet').waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('every section is reached from the navigation and named in the address', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openApp(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const name of ['Stakeholders', 'fsQCA', 'Report']) {
      await nav.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
      assert.equal(await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current'), 'page');
      assert.ok(page.url().endsWith(`#${name.toLowerCase()}`), page.url());
    }
    // Back goes to the previous section.
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'fsQCA' }).waitFor();
  } finally {
    await b.close();
  }
});

test('the language switches to Chinese and is remembered after a reload', async () => {
  const b = await launch({ locale: 'en-US' });
  try {
    const { page } = b;
    await openApp(page, server.url);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await page.getByRole('navigation', { name: '功能区' }).getByRole('link', { name: '利益相关者' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '数据' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '数据' }).waitFor();
    await page.getByLabel('语言').selectOption({ label: 'English' });
    await page.getByRole('heading', { level: 2, name: 'Data' }).waitFor();
  } finally {
    await b.close();
  }
});

test('a Chinese browser gets the Chinese interface by default', async () => {
  const b = await launch({ locale: 'zh-CN' });
  try {
    const { page } = b;
    await openApp(page, server.url);
    await page.getByRole('heading', { level: 2, name: '数据' }).waitFor();
    await page.getByRole('button', { name: '载入 县域医共体' }).waitFor();
    assert.equal(await page.getByLabel('语言').inputValue(), 'zh-Hans');
  } finally {
    await b.close();
  }
});

test('the sections can be reached with the keyboard alone', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openApp(page, server.url);
    const focused = async () => page.evaluate(() => document.activeElement?.textContent?.trim());
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await focused()) === 'Report';
    }
    assert.ok(found, 'Tab reaches the Report link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Report' }).waitFor();
  } finally {
    await b.close();
  }
});

test('every request goes to 127.0.0.1 only', async () => {
  const b = await launch();
  try {
    const { page, requests } = b;
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await page.getByRole('table', { name: 'Preview' }).getByRole('cell', { name: 'AU', exact: true }).waitFor();
    await page.getByLabel('Language').selectOption('zh-Hans');
    await page.getByRole('link', { name: '报告' }).click();
    await page.waitForLoadState('networkidle');
    assert.ok(requests.length >= 3, `requests seen: ${requests}`);
    assert.deepEqual(onlyLocal(requests), []);
  } finally {
    await b.close();
  }
});
