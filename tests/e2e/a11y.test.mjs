// Accessibility check with axe-core (run inside the page, loaded from
// node_modules: no request leaves the machine) on every section and on the
// data section with a table loaded, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { serveDist, launch, openApp } from './helpers.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server;
before(async () => {
  server = await serveDist();
});
after(async () => {
  await server?.close();
});

async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const locale of ['en-US', 'zh-CN']) {
  test(`axe finds no WCAG 2.1 AA violation in any section (${locale})`, async () => {
    const b = await launch({ locale });
    try {
      const { page } = b;
      await openApp(page, server.url);
      assert.deepEqual(await violations(page), [], 'empty data section');
      await page.getByRole('button', { name: /County medical alliances|县域医共体/ }).click();
      await page.getByRole('table', { name: /Preview|预览/ }).waitFor();
      assert.deepEqual(await violations(page), [], 'data section with a table');
      for (const fragment of ['stakeholders', 'fsqca', 'report']) {
        await page.locator(`nav a[href="#${fragment}"]`).click();
        await page.waitForURL(`**#${fragment}`);
        assert.deepEqual(await violations(page), [], fragment);
      }
    } finally {
      await b.close();
    }
  });
}
