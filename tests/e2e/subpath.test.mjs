// The release bundle works from a static host under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveDist, launch, openApp, onlyLocal, FIXTURES } from './helpers.mjs';

const PREFIX = '/some/path/policylens/';
let server;
before(async () => {
  server = await serveDist({ prefix: PREFIX });
});
after(async () => {
  await server?.close();
});

test('the bundle works when hosted under a sub-path', async () => {
  const b = await launch();
  try {
    const { page, requests } = b;
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await page.getByRole('table', { name: 'Preview' }).getByRole('cell', { name: 'UK', exact: true }).waitFor();
    await page.getByRole('link', { name: 'fsQCA' }).click();
    await page.getByRole('heading', { name: '1. Outcome and conditions' }).waitFor();
    assert.ok(page.url().startsWith(server.url), page.url());
    // Every file came from under the prefix; nothing outside it was asked for.
    assert.ok(server.served.length >= 3, `served: ${server.served}`);
    assert.deepEqual(server.served.filter((p) => !p.startsWith(PREFIX)), []);
    assert.deepEqual(onlyLocal(requests), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('the files worker reads a workbook when the bundle is hosted under a sub-path', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openApp(page, server.url);
    await page.getByLabel('Open a file').setInputFiles(join(FIXTURES, 'alliances.xlsx'));
    await page.getByText('alliances.xlsx — 3 rows × 4 columns').waitFor();
    // The workbook was read by the files worker, loaded from under the prefix.
    assert.ok(server.served.includes(`${PREFIX}files_loader.js`), `served: ${server.served}`);
    assert.ok(server.served.includes(`${PREFIX}files_bg.wasm`), `served: ${server.served}`);
    assert.deepEqual(server.served.filter((p) => !p.startsWith(PREFIX)), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
