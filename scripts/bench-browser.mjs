// Figures of the release bundle in dist/, printed for `make test` and
// `make bench`:
//   - bundle size: the .wasm raw and gzipped (level 9), and the whole dist/ gzipped;
//   - time to first render in headless Chromium (navigation start → the
//     app's navigation is in the DOM), median of several fresh profiles;
//   - with --import (make bench): the time to import a 50 MB CSV
//     (200,000 rows × 25 columns) through the file input, and the longest
//     gap between animation frames meanwhile (how long the page froze).
import { readdir, readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, serveDist, launch } from '../tests/e2e/helpers.mjs';

const RUNS = 5;
const withImport = process.argv.includes('--import');

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const files = await readdir(DIST);
const wasmFile = files.find((f) => f.endsWith('.wasm'));
if (!wasmFile) throw new Error('no .wasm in dist/: run `make dist` first');
const wasm = await readFile(join(DIST, wasmFile));
let total = 0;
let totalGz = 0;
for (const f of files) {
  if (!/\.(wasm|js|css|html)$/.test(f)) continue;
  const body = await readFile(join(DIST, f));
  total += body.length;
  totalGz += gzipSync(body, { level: 9 }).length;
}
console.log(`bundle: ${wasmFile} ${kib(wasm.length)}, gzipped ${kib(gzipSync(wasm, { level: 9 }).length)}`);
console.log(`bundle: all of dist/ (html, js, css, wasm) ${kib(total)}, gzipped ${kib(totalGz)}`);

const server = await serveDist();
try {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await launch();
    try {
      await b.page.goto(server.url);
      await b.page.getByRole('navigation').waitFor();
      times.push(
        await b.page.evaluate(() => {
          // The first paint after the app mounted is what a person sees.
          const nav = performance.getEntriesByType('navigation')[0];
          const mark = performance.getEntriesByName('policylens-first-render')[0];
          return mark ? mark.startTime : performance.now() - (nav?.startTime ?? 0);
        }),
      );
    } finally {
      await b.close();
    }
  }
  console.log(
    `first render (headless Chromium, ${RUNS} fresh profiles): median ${median(times).toFixed(0)} ms ` +
      `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
  );

  if (withImport) {
    const dir = await mkdtemp(join(tmpdir(), 'policylens-bench-'));
    try {
      for (const encoding of ['UTF-8', 'GBK']) await benchImport(dir, encoding);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}

/**
 * Write a 200,000 × 25 CSV of about 50 MB (case names in Chinese when
 * `encoding` is GBK: the bytes of GB2312 characters, written directly), import
 * it through the file input and print the time and the longest frame gap.
 */
async function benchImport(dir, encoding) {
  const rows = 200000;
  const cols = 25;
  const path = join(dir, `large-${encoding}.csv`);
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const chunks = [Buffer.from('case,' + Array.from({ length: cols - 1 }, (_, i) => `x${i + 1}`).join(',') + '\n')];
  for (let r = 0; r < rows; r++) {
    if (encoding === 'GBK') {
      // Two GB2312 hanzi (lead byte 0xB0–0xD7, trail 0xA1–0xFE), then the row number.
      chunks.push(Buffer.from([0xb0 + (r % 40), 0xa1 + (r % 94), 0xb0 + ((r >> 3) % 40), 0xa1 + ((r >> 5) % 94)]));
      chunks.push(Buffer.from(String(r).padStart(4, '0')));
    } else {
      chunks.push(Buffer.from(`c${String(r).padStart(7, '0')}`));
    }
    const cells = [];
    for (let c = 1; c < cols; c++) cells.push((rand() * 100).toFixed(6));
    chunks.push(Buffer.from(',' + cells.join(',') + '\n'));
  }
  const bytes = Buffer.concat(chunks);
  await writeFile(path, bytes);
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(server.url);
    await page.getByRole('navigation').waitFor();
    await page.evaluate(() => {
      window.__gaps = [];
      let last = performance.now();
      const tick = (t) => {
        const bar = document.querySelector('progress');
        const where = bar ? (bar.hasAttribute('value') ? `parsing ${bar.value}` : 'reading') : 'idle';
        window.__gaps.push([t - last, where]);
        last = t;
        window.__raf = requestAnimationFrame(tick);
      };
      window.__raf = requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await page.getByLabel(/Open a file/).setInputFiles(path);
    await page.getByText(`${rows} rows × ${cols} columns`).waitFor({ timeout: 600000 });
    const ms = Date.now() - t0;
    const info = await page.locator('.table-info').innerText();
    const frames = await page.evaluate(() => {
      cancelAnimationFrame(window.__raf);
      return window.__gaps;
    });
    const gaps = frames.map(([gap]) => gap);
    if (process.env.VERBOSE) console.log(frames.filter(([gap]) => gap > 50));
    console.log(
      `import of a ${(bytes.length / 1e6).toFixed(1)} MB ${encoding} CSV (${rows} rows × ${cols} columns) in headless Chromium: ` +
        `${(ms / 1000).toFixed(1)} s; longest frame gap ${Math.max(...gaps).toFixed(0)} ms, ` +
        `median ${median(gaps).toFixed(0)} ms over ${gaps.length} frames [${info.split(' — ')[1]}]`,
    );
    if (b.errors.length) console.log('page errors:', b.errors);
  } finally {
    await b.close();
  }
}
