// Boolean minimization timed as WebAssembly in headless Chromium, next to
// the native times and R QCA's recorded times (for `make bench`).
//
//   node scripts/bench-minimize-browser.mjs [--native-output FILE] [--only NAME]
//
// Builds examples/wasm_bench (cdylib, wasm32-unknown-unknown, release), binds
// it with `wasm-bindgen --target web` into $CARGO_TARGET_DIR/wasm_bench_web,
// serves that directory on 127.0.0.1 and, for every problem in
// $POLICYLENS_FIXTURES/timing (default ../shared/fixtures/timing), passes the
// CSV text into the page and times BenchProblem.minimize() with
// performance.now(), for the parsimonious and the complex solution, as
// examples/bench.rs does. Quick runs (< 50 ms) are repeated 20 times and
// averaged. The native times come from `cargo run --release --example bench`
// (or from its saved output with --native-output). Problems whose native
// time exceeds 10 s are skipped in the browser; the others are cancelled
// after 60 s.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, serveDist, launch } from '../tests/e2e/helpers.mjs';

const SKIP_NATIVE_SECONDS = 10;
const LIMIT_MS = 60_000;
const QUICK_MS = 50;
const REPEATS = 20;

const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = argValue('--only');

const fixtures = resolve(process.env.POLICYLENS_FIXTURES ?? join(ROOT, '..', 'shared', 'fixtures'));
const timingDir = join(fixtures, 'timing');
const targetDir = resolve(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'));
const outDir = join(targetDir, 'wasm_bench_web');
const env = { ...process.env, POLICYLENS_FIXTURES: fixtures };

// ---------------------------------------------------------------- build
const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--example', 'wasm_bench']);
const bindgenHome = join(homedir(), '.cargo', 'bin', 'wasm-bindgen');
const bindgen = process.env.WASM_BINDGEN ?? (existsSync(bindgenHome) ? bindgenHome : 'wasm-bindgen');
const wasmIn = join(targetDir, 'wasm32-unknown-unknown', 'release', 'examples', 'wasm_bench.wasm');
await mkdir(outDir, { recursive: true });
run(bindgen, ['--target', 'web', '--no-typescript', '--out-dir', outDir, wasmIn]);
await writeFile(
  join(outDir, 'index.html'),
  `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>wasm bench</title>
<script type="module">
import init, { BenchProblem } from './wasm_bench.js';
await init();
// Times minimize() on a CSV; repeats quick runs for a stable mean.
window.benchMinimize = (csv, kind, limitMs) => {
  const problem = new BenchProblem(csv);
  try {
    let t0 = performance.now();
    let outcome = problem.minimize(kind, limitMs);
    let ms = performance.now() - t0;
    if (ms < ${QUICK_MS} && outcome !== 'timeout') {
      t0 = performance.now();
      for (let i = 0; i < ${REPEATS}; i++) outcome = problem.minimize(kind, limitMs);
      ms = (performance.now() - t0) / ${REPEATS};
    }
    return { ms, outcome, k: problem.k() };
  } finally {
    problem.free();
  }
};
window.benchReady = true;
</script>`,
);

// ---------------------------------------------------------------- native
let nativeText;
const nativeFile = argValue('--native-output');
if (nativeFile) {
  nativeText = await readFile(nativeFile, 'utf8');
} else {
  const extra = only ? ['--only', only] : [];
  nativeText = run('cargo', ['run', '--release', '--example', 'bench', '--', ...extra]).toString();
}
const native = new Map();
for (const line of nativeText.split('\n')) {
  const m = line.match(/^(\S+\.csv)\s+(\d+)\s+\d+\s+(parsimonious|complex)\s+([\d.]+)s\s/);
  if (m) native.set(`${m[1]} ${m[3]}`, { k: Number(m[2]), seconds: Number(m[4]) });
}

// ---------------------------------------------------------------- R
const rRuns = [];
for (const f of ['results.json', 'results_medium.json']) {
  try {
    rRuns.push(...JSON.parse(await readFile(join(timingDir, f), 'utf8')).runs);
  } catch {
    // A missing file only leaves the R column empty.
  }
}
const rOutcome = (name, kind) => {
  const r = rRuns.find((x) => x.problem === name && x.kind === kind && x.method === 'CCubes');
  if (!r) return '-';
  if (r.timed_out) return 'timeout >150s';
  if (r.error) return `error: ${String(r.error).slice(0, 22)}`;
  return typeof r.minimize_seconds_median === 'number' ? `${r.minimize_seconds_median.toFixed(3)}s` : '?';
};

// ---------------------------------------------------------------- browser
let problems = (await readdir(timingDir)).filter((f) => f.endsWith('.csv')).sort();
if (only) problems = problems.filter((f) => f.includes(only));
const server = await serveDist({ root: outDir });
const browser = await launch();
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
try {
  await browser.page.goto(server.url);
  await browser.page.waitForFunction(() => window.benchReady === true);
  console.log(
    `${pad('problem', 22)} ${lpad('k', 3)} ${pad('kind', 13)} ${lpad('native ms', 11)} ` +
      `${lpad('wasm ms', 26)} ${lpad('wasm/nat', 8)} ${pad('R (CCubes)', 24)} PIs/models`,
  );
  for (const name of problems) {
    const csv = await readFile(join(timingDir, name), 'utf8');
    for (const kind of ['parsimonious', 'complex']) {
      const nat = native.get(`${name} ${kind}`);
      const natMs = nat ? nat.seconds * 1000 : undefined;
      let wasm = 'n/a';
      let ratio = '-';
      let outcome = '';
      let k = nat?.k ?? '?';
      if (natMs !== undefined && natMs > SKIP_NATIVE_SECONDS * 1000) {
        wasm = `skipped (native > ${SKIP_NATIVE_SECONDS} s)`;
      } else {
        const r = await browser.page.evaluate(([c, kd, lim]) => window.benchMinimize(c, kd, lim), [
          csv,
          kind,
          LIMIT_MS,
        ]);
        k = r.k;
        outcome = r.outcome;
        if (r.outcome === 'timeout') {
          wasm = `timeout > ${LIMIT_MS / 1000} s`;
        } else {
          wasm = r.ms.toFixed(2);
          if (natMs) ratio = `${(r.ms / natMs).toFixed(1)}x`;
        }
      }
      console.log(
        `${pad(name, 22)} ${lpad(k, 3)} ${pad(kind, 13)} ${lpad(natMs === undefined ? '-' : natMs.toFixed(2), 11)} ` +
          `${lpad(wasm, 26)} ${lpad(ratio, 8)} ${pad(rOutcome(name, kind), 24)} ${outcome}`,
      );
    }
  }
  if (browser.errors.length) console.log(`page errors: ${browser.errors.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
}
