// Keeping and sharing work: autosave and restore, the project list,
// project files, share links, unreadable saved states, offline use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
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

/** Opens the app in a fresh browser (default options), runs `body(page, b)`
 * and closes the browser, also when `body` fails. */
async function withApp(body) {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await body(b.page, b);
  } finally {
    await b.close();
  }
}

/** Opens the version-1 project file and waits for its table and its save. */
async function openV1Settled(page) {
  await openProjectFile(page, V1_FILE);
  await page.getByRole('table').first().waitFor();
  await settled(page);
}

/** Asks for a share link of the whole project and returns it, once the
 * status says how many characters it has. */
async function copyShareLink(page) {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByRole('status').getByText(/characters\)/).waitFor();
  return page.getByLabel('Share link').inputValue();
}

/**
 * Waits until the autosave has written the state on screen: the project
 * bar's status says so (`data-saved="true"` once the queued saves are
 * written; "Saving…" and `false` while one is queued or running). The
 * change that asks for a save turns the status to "Saving…" in the same
 * turn, so a test that waited for the change on screen cannot see the
 * status of before it.
 */
async function settled(page) {
  await page.locator('.persist-status[data-saved="true"]').waitFor();
}

/** Records every text the save status shows from now on. */
async function watchStatus(page) {
  await page.evaluate(() => {
    window.__status = [];
    const seen = () => {
      const el = document.querySelector('.persist-status');
      const entry = el ? `${el.dataset.saved} ${el.textContent.trim()}` : 'none';
      if (window.__status.at(-1) !== entry) window.__status.push(entry);
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** The project file the page saves now, parsed. */
async function savedFile(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^(Save project file|保存项目文件)$/ }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), json: JSON.parse(text) };
}

async function openProjectFile(page, path) {
  await page.locator('#project-file').setInputFiles(path);
}

/** Every record of the app's IndexedDB store, as { key: text }. */
async function storedRecords(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('policylens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('saved').objectStore('saved');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            const out = {};
            keys.result.forEach((k, i) => (out[k] = values.result[i]));
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

async function putRecord(page, key, value) {
  await page.evaluate(
    ([key, value]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('policylens');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('saved', 'readwrite');
          tx.objectStore('saved').put(value, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value],
  );
}

test('an analysis is all there after a reload: table, case column, name, language and settings', async () => {
  await withApp(async (page, b) => {
    await openProjectFile(page, V1_FILE);
    await page.getByText('Project file opened: project_v1.policylens.json').waitFor();
    await page.getByRole('table').first().waitFor();
    await page.getByLabel('Column with the case names').selectOption({ label: '(none: number the cases)' });
    await page.getByLabel('Project name').fill('My Lipset analysis');
    await page.getByLabel('Project name').press('Tab');
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await settled(page);
    const before = await savedFile(page);
    assert.equal(before.name, 'My Lipset analysis.policylens.json');
    assert.equal(before.json.project.language, 'zh-Hans');
    assert.equal(before.json.project.data.case_column, null);
    assert.ok(before.json.project.calibrations.length > 0, 'the v1 file has calibrations');

    await page.reload();
    await page.getByRole('navigation').waitFor();
    await page.getByRole('table').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
    assert.equal(await page.getByLabel('项目名称').inputValue(), 'My Lipset analysis');
    assert.equal(await page.locator('#case-column').inputValue(), '');
    const after = await savedFile(page);
    assert.deepEqual(after.json.project, before.json.project);
    assert.deepEqual(b.errors, []);
  });
});

test('an example loaded and changed is restored after a reload, with its source', async () => {
  await withApp(async (page) => {
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await page.getByRole('table').first().waitFor();
    await settled(page);
    const before = await savedFile(page);
    await page.reload();
    await page.getByRole('table').first().waitFor();
    await page.getByText('LF.csv').first().waitFor();
    assert.equal(await page.locator('#case-column').inputValue(), String(before.json.project.data.case_column));
    assert.deepEqual((await savedFile(page)).json.project, before.json.project);
  });
});

test('several projects are listed, switched, renamed and deleted', async () => {
  await withApp(async (page) => {
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await page.getByRole('table').first().waitFor();
    await settled(page);
    await page.getByRole('button', { name: /^Projects/ }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByText('No data loaded yet').waitFor();
    await page.getByRole('button', { name: /^Load County/ }).click();
    await page.getByRole('table').first().waitFor();
    await settled(page);
    await page.getByRole('button', { name: 'Projects (2)' }).waitFor();
    // Switch back to the first.
    await page.getByRole('button', { name: 'Open LF' }).click();
    await page.getByText('LF.csv').first().waitFor();
    // Rename the other one (a prompt).
    page.once('dialog', (d) => d.accept('Alliances 2024'));
    await page.getByRole('button', { name: /^Rename county/ }).click();
    await page.getByText('Alliances 2024').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Projects (2)' }).click();
    await page.getByText('Alliances 2024').waitFor();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete Alliances 2024' }).click();
    await page.getByRole('button', { name: 'Projects (1)' }).waitFor();
    const records = await storedRecords(page);
    assert.equal(Object.keys(records).filter((k) => k.startsWith('copy:')).length, 1, Object.keys(records).join());
    // The deleted project's table went with it.
    assert.equal(Object.keys(records).filter((k) => k.startsWith('data:')).length, 1, Object.keys(records).join());
  });
});

test('the table is stored once, apart from the settings: a settings change does not write it again', async () => {
  await withApp(async (page, b) => {
    await openV1Settled(page);
    let records = await storedRecords(page);
    const index = JSON.parse(records.index);
    assert.equal(index.version, 2);
    const entry = index.projects.find((p) => p.id === index.current);
    assert.match(entry.data, /^data:[0-9a-f]{32}/);
    assert.equal(JSON.parse(records[`copy:${entry.id}:${entry.generation}`]).project.data, null, 'the copy has no table');
    assert.equal(JSON.parse(records[entry.data]).columns.length > 0, true, 'the table record');
    // Count what the page writes from now on.
    await page.evaluate(() => {
      window.__puts = [];
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        window.__puts.push(String(key));
        return put.call(this, value, key);
      };
    });
    await page.getByLabel('Project name').fill('Only the name changed');
    await page.getByLabel('Project name').press('Tab');
    await settled(page);
    const puts = await page.evaluate(() => window.__puts);
    assert.ok(puts.some((k) => k.startsWith('copy:')), `a new copy: ${puts}`);
    assert.ok(!puts.some((k) => k.startsWith('data:')), `the table is not written again: ${puts}`);
    records = await storedRecords(page);
    assert.equal(Object.keys(records).filter((k) => k.startsWith('data:')).length, 1);
    await page.reload();
    await page.getByRole('table').first().waitFor();
    assert.equal(await page.getByLabel('Project name').inputValue(), 'Only the name changed');
    assert.deepEqual(b.errors, []);
  });
});

test('a state saved by the first version (table inside the copy) still opens, and moves its table out on the next save', async () => {
  await withApp(async (page, b) => {
    const v1 = await readFile(V1_FILE, 'utf8');
    const v1Project = JSON.parse(v1).project;
    await putRecord(page, 'copy:pold:3', v1);
    await putRecord(page, 'index', JSON.stringify({
      version: 1,
      current: 'pold',
      projects: [{ id: 'pold', name: 'Old analysis', generation: 3, saved_at: 0, origin: 'Other' }],
    }));
    await page.reload();
    await page.getByRole('table').first().waitFor();
    assert.equal(await page.getByLabel('Project name').inputValue(), 'Old analysis');
    const opened = (await savedFile(page)).json.project;
    assert.equal(opened.data.columns.length, v1Project.data.columns.length);
    await page.getByLabel('Project name').fill('Old analysis, saved again');
    await page.getByLabel('Project name').press('Tab');
    await settled(page);
    const records = await storedRecords(page);
    const index = JSON.parse(records.index);
    assert.equal(index.version, 2);
    const entry = index.projects.find((p) => p.id === 'pold');
    assert.ok(entry.generation > 3);
    assert.ok(!('copy:pold:3' in records), 'the old copy is replaced');
    assert.equal(JSON.parse(records[`copy:pold:${entry.generation}`]).project.data, null);
    assert.equal(Object.keys(records).filter((k) => k.startsWith('copy:')).length, 1);
    assert.ok(entry.data in records);
    await page.reload();
    await page.getByRole('table').first().waitFor();
    const again = (await savedFile(page)).json.project;
    assert.deepEqual(again.data, opened.data);
    assert.deepEqual(b.errors, []);
  });
});

test('an unreadable saved project is reported in the user language and kept, not wiped', async () => {
  await withApp(async (page) => {
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await page.getByRole('table').first().waitFor();
    await settled(page);
    const records = await storedRecords(page);
    const index = JSON.parse(records.index);
    const entry = index.projects.find((p) => p.id === index.current);
    const key = `copy:${entry.id}:${entry.generation}`;
    await putRecord(page, key, '{"format": "policylens-project", "schema_version": 2, "project": {"name": 3');
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.getByText(/The saved project “LF” could not be read: The file is damaged or incomplete/).waitFor();
    await alert.getByText(/kept, not deleted/).waitFor();
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await page.getByRole('alert').getByText(/无法读取已保存的项目“LF”/).waitFor();
    // The damaged copy is still there; new work goes elsewhere.
    await page.getByRole('button', { name: /^载入.*LF/ }).click();
    await page.getByRole('table').first().waitFor();
    await settled(page);
    const after = await storedRecords(page);
    assert.ok(after[key].startsWith('{"format": "policylens-project"'), after[key]);
    assert.ok(JSON.parse(after.index).projects.some((p) => p.id === entry.id));

    // A newer saved state is not written over either.
    await putRecord(page, 'index', JSON.stringify({ ...JSON.parse(after.index), version: 99 }));
    await page.reload();
    await page.getByRole('alert').getByText(/更新版本/).waitFor();
    assert.equal(JSON.parse((await storedRecords(page)).index).version, 99);
  });
});

test('a damaged or foreign project file gets a message and changes nothing', async () => {
  await withApp(async (page) => {
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await page.getByRole('table').first().waitFor();
    await settled(page);
    const before = await savedFile(page);
    const dir = await mkdtemp(join(tmpdir(), 'policylens-e2e-'));
    const text = await readFile(V1_FILE, 'utf8');
    const damaged = join(dir, 'damaged.policylens.json');
    await writeFile(damaged, text.slice(0, text.length / 2));
    await openProjectFile(page, damaged);
    await page.getByRole('alert').getByText(/“damaged.policylens.json” could not be opened: The file is damaged or incomplete: it is not valid JSON at line \d+, column \d+\. Nothing was changed\./).waitFor();
    const foreign = join(dir, 'package.json');
    await writeFile(foreign, '{"name": "x", "version": "1.0.0"}');
    await openProjectFile(page, foreign);
    await page.getByRole('alert').getByText(/This is not a PolicyLens project file/).waitFor();
    const newer = join(dir, 'newer.policylens.json');
    await writeFile(newer, '{"format": "policylens-project", "schema_version": 99, "project": {}}');
    await openProjectFile(page, newer);
    await page.getByRole('alert').getByText(/saved by a newer PolicyLens/).waitFor();
    assert.deepEqual((await savedFile(page)).json.project, before.json.project);
  });
});

test('a share link opens the same analysis in a fresh browser profile, and never reaches the server', async () => {
  let link;
  let original;
  await withApp(async (page) => {
    await openV1Settled(page);
    original = (await savedFile(page)).json.project;
    link = await copyShareLink(page);
    assert.match(link, /#p1\.[A-Za-z0-9_-]+$/);
    await page.getByText(/32,000 characters/).first().waitFor();
  });
  const b = await launch({ locale: 'zh-CN' });
  try {
    const { page } = b;
    await page.goto(link);
    await page.getByRole('table').first().waitFor();
    await page.getByRole('status').getByText(/Opened|已打开分享的项目|shared project was opened/).waitFor();
    assert.ok(!page.url().includes('p1.'), 'the address no longer holds the project');
    await settled(page);
    const opened = (await savedFile(page)).json.project;
    assert.deepEqual(opened, original);
    // And it was saved: a reload shows it again.
    await page.reload();
    await page.getByRole('table').first().waitFor();
    assert.deepEqual((await savedFile(page)).json.project, original);
    assert.ok(server.served.every((p) => !p.includes('p1.')));
  } finally {
    await b.close();
  }
});

test('the same share link opened twice keeps one saved project and switches to it', async () => {
  let link;
  await withApp(async (page) => {
    await openV1Settled(page);
    link = await copyShareLink(page);
  });
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(link);
    await page.getByRole('table').first().waitFor();
    await page.getByRole('status').getByText(/shared project was opened/).waitFor();
    await settled(page);
    const first = (await savedFile(page)).json.project;
    // Another project in between, then the same link again.
    await page.getByRole('button', { name: /^Projects/ }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('button', { name: /^Load County/ }).click();
    await page.getByText('12 rows × 9 columns').waitFor();
    await settled(page);
    await page.getByRole('button', { name: /^Projects \(2\)/ }).waitFor();
    await page.goto(link);
    await page.getByRole('table').first().waitFor();
    await page.getByRole('status').getByText(/already saved in this browser/).waitFor();
    await settled(page);
    assert.deepEqual((await savedFile(page)).json.project, first);
    await page.getByRole('button', { name: /^Projects \(2\)/ }).waitFor();
    const records = await storedRecords(page);
    assert.equal(JSON.parse(records.index).projects.length, 2);
    // A renamed copy is still the same analysis: the link switches to it.
    await page.getByLabel('Project name').fill('Renamed');
    await page.getByLabel('Project name').press('Tab');
    await settled(page);
    await page.goto(link);
    await page.getByRole('status').getByText(/already saved in this browser/).waitFor();
    await page.getByRole('button', { name: /^Projects \(2\)/ }).waitFor();
  } finally {
    await b.close();
  }
});

test('a truncated or malicious link gets a message, not a broken page', async () => {
  await withApp(async (page, b) => {
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await page.getByRole('table').first().waitFor();
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const link = await page.getByLabel('Share link').inputValue();
    for (const [bad, message] of [
      [link.slice(0, link.length - 40), /incomplete|damaged/],
      [`${server.url}#p1.AAAA<script>alert(1)</script>`, /damaged: unexpected character/],
      [`${server.url}#s1.${'A'.repeat(40000)}`, /characters long; the limit is 32,000/],
    ]) {
      await page.goto('about:blank');
      await page.goto(bad);
      await page.getByRole('alert').getByText(message).waitFor();
      await page.getByRole('alert').getByText(/Nothing was changed/).waitFor();
      // The work from before is still on screen.
      await page.getByRole('table').first().waitFor();
    }
    assert.deepEqual(b.errors, []);
  });
});

test('after the first visit the page works offline, also under a sub-path', async () => {
  const sub = await serveDist({ root: ROOT_DIST, prefix: '/team/policylens/' });
  const b = await launch();
  try {
    const { page, context } = b;
    await openApp(page, sub.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await page.getByRole('table').first().waitFor();
    await settled(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('navigation').waitFor();
    await page.getByRole('table').first().waitFor();
    // The web workers' files were kept too (never fetched while online here).
    const sizes = await page.evaluate(async () => {
      const names = ['worker_loader.js', 'worker.js', 'worker_bg.wasm', 'files_loader.js', 'files.js', 'files_bg.wasm'];
      const out = {};
      for (const n of names) {
        const r = await fetch('./' + n);
        out[n] = r.ok ? (await r.arrayBuffer()).byteLength : -r.status;
      }
      return out;
    });
    for (const [name, size] of Object.entries(sizes)) assert.ok(size > 20, `${name} offline: ${size}`);
    await context.setOffline(false);
  } finally {
    await b.close();
    await sub.close();
  }
});

test('a project too large for a link shares its settings, and the recipient attaches the data file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'policylens-e2e-'));
  const csv = join(dir, 'big.csv');
  const lines = ['id,A,B,C,D,E,F,G'];
  for (let i = 0; i < 15000; i++) {
    const v = (k) => (((i * 7919 + k * 104729) % 1000) / 997).toFixed(4);
    lines.push(`c${i},${v(1)},${v(2)},${v(3)},${v(4)},${v(5)},${v(6)},${v(7)}`);
  }
  await writeFile(csv, lines.join('\n'));
  let link;
  let original;
  await withApp(async (page) => {
    await page.getByLabel('Open a file').setInputFiles(csv);
    await page.getByText('big.csv — 15000 rows × 8 columns').waitFor();
    await page.getByLabel('Project name').fill('Big one');
    await page.getByLabel('Project name').press('Tab');
    await settled(page);
    original = (await savedFile(page)).json.project;
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.getByRole('status').getByText(/holds the settings only/).waitFor();
    link = await page.getByLabel('Share link').inputValue();
    assert.match(link, /#s1\./);
  });
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(link);
    await page.getByText('This shared project holds the settings only. Open the data file “big” (15000 rows, 8 columns)').waitFor();
    assert.equal(await page.getByLabel('Project name').inputValue(), 'Big one');
    await page.getByLabel('Open a file').setInputFiles(csv);
    await page.getByText('big.csv — 15000 rows × 8 columns').waitFor();
    await page.getByText(/holds the settings only/).waitFor({ state: 'detached' });
    await settled(page);
    const opened = (await savedFile(page)).json.project;
    assert.deepEqual(opened, original);
  } finally {
    await b.close();
  }
});

test('opening a project file while the fsQCA section is on screen shows its calibration anchors', async () => {
  await withApp(async (page) => {
    await page.getByRole('button', { name: 'Load County medical alliances' }).click();
    await page.getByText('12 rows × 9 columns').waitFor();
    await page.getByRole('link', { name: 'fsQCA' }).first().click();
    await page.getByLabel('Outcome', { exact: true }).selectOption('SERVICE');
    await page.getByRole('checkbox', { name: 'SCALE', exact: true }).check();
    const group = page.getByRole('group', { name: 'Calibration of SCALE' });
    await group.getByRole('button', { name: 'percentiles 95/50/5' }).click();
    const first = group.locator('input[type="text"]').first();
    const saved = await first.inputValue();
    await settled(page);
    const file = await savedFile(page);
    const path = join(await mkdtemp(join(tmpdir(), 'pl-')), 'county.policylens.json');
    await writeFile(path, JSON.stringify(file.json));
    // Change the anchors on screen, then open the saved file: the editor follows the file.
    await group.getByRole('button', { name: 'percentiles 80/50/20' }).click();
    assert.notEqual(await first.inputValue(), saved);
    await openProjectFile(page, path);
    await page.waitForFunction(
      ([want]) => document.querySelector('[id^="cal-SCALE-a0"]')?.value === want,
      [saved],
      { timeout: 10000 },
    );
    assert.equal(await page.getByRole('group', { name: 'Calibration of SCALE' }).locator('input[type="text"]').first().inputValue(), saved);
  });
});

test('the save status says Saving… until the autosave has written, then Saved, in both languages', async () => {
  await withApp(async (page, b) => {
    await page.getByRole('button', { name: 'Load Lipset: survival of democracy (LF)' }).click();
    await page.getByRole('table').first().waitFor();
    await settled(page);
    const status = page.locator('.persist-status');
    assert.equal((await status.textContent()).trim(), 'Saved in this browser');

    await watchStatus(page);
    await page.getByLabel('Project name').fill('Status check');
    await page.getByLabel('Project name').press('Tab');
    await settled(page);
    assert.deepEqual(await page.evaluate(() => window.__status), ['false Saving…', 'true Saved in this browser']);
    // What the status called saved is what a reload restores.
    await page.reload();
    await page.getByRole('table').first().waitFor();
    assert.equal(await page.getByLabel('Project name').inputValue(), 'Status check');

    await watchStatus(page);
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await settled(page);
    assert.deepEqual(await page.evaluate(() => window.__status), ['false 正在保存…', 'true 已保存在本浏览器中']);

    // A save that fails is not called saved; the next one that succeeds is.
    await page.evaluate(() => {
      window.__put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('disk full (test)', 'QuotaExceededError');
      };
    });
    await page.getByLabel('项目名称').fill('Will not be saved');
    await page.getByLabel('项目名称').press('Tab');
    await page.locator('.persist-status', { hasText: '未保存：上次保存失败' }).waitFor();
    assert.equal(await status.getAttribute('data-saved'), 'false');
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = window.__put;
    });
    await page.getByLabel('项目名称').fill('Saved again');
    await page.getByLabel('项目名称').press('Tab');
    await settled(page);
    assert.equal((await status.textContent()).trim(), '已保存在本浏览器中');
    assert.deepEqual(b.errors, []);
  });
});
