// Boolean minimization timed as WebAssembly in headless Chromium, next to
// the native times and R QCA's recorded times (for `make bench`).
//
//   node scripts/bench-minimize-browser.mjs [--native-output FILE] [--only NAME]
//
// Builds examples/wasm_bench (cdylib, wasm32-unknown-unknown, release), binds
// it with `wasm-bindgen --target web` into $CARGO_TARGET_DIR/wasm_bench_web,
// serves that directory on 127.0.0.1 and, for every problem in
// $POLICYLENS_FIXTURES/timing (default ../shared/fixtures/timing) and every
// generated problem of examples/common/problems.rs (GENERATED), times
// BenchProblem.minimize() with performance.now(), for the parsimonious and
// the complex solution, as examples/bench.rs does. Quick runs (< 50 ms) are
// repeated 20 times and averaged. Each run starts in a freshly loaded page,
// so the wasm memory reported (the linear memory's size after the run, which
// never shrinks) is that run's peak. The native times and peak heap come
// from `cargo run --release --example bench` (or from its saved output with
// --native-output). Problems whose native time exceeds 30 s are not run in
// the browser; the others are cancelled after 60 s (and reported so).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, serveDist, launch } from '../tests/e2e/helpers.mjs';

const SKIP_NATIVE_SECONDS = 30;
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
const wasm = await init();
window.generatedNames = () => BenchProblem.generated_names();
// Times minimize() on a CSV or a generated problem; repeats quick runs for a
// stable mean. Reports the wasm linear memory after the run, in MiB.
window.benchMinimize = (source, kind, limitMs) => {
  const problem = source.csv !== undefined ? new BenchProblem(source.csv) : BenchProblem.generated(source.generated);
  try {
    let t0 = performance.now();
    let outcome = problem.minimize(kind, limitMs);
    let ms = performance.now() - t0;
    if (ms < ${QUICK_MS} && outcome !== 'timeout') {
      t0 = performance.now();
      for (let i = 0; i < ${REPEATS}; i++) outcome = problem.minimize(kind, limitMs);
      ms = (performance.now() - t0) / ${REPEATS};
    }
    return { ms, outcome, k: problem.k(), mib: wasm.memory.buffer.byteLength / 1048576 };
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
  const m = line.match(/^(\S+)\s+(\d+)\s+\d+\s+(parsimonious|complex)\s+([\d.]+)s\s+([\d.]+)\s/);
  if (m) native.set(`${m[1]} ${m[3]}`, { k: Number(m[2]), seconds: Number(m[4]), mib: Number(m[5]) });
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
const server = await serveDist({ root: outDir });
const browser = await launch();
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const freshPage = async () => {
  await browser.page.goto(server.url);
  await browser.page.waitForFunction(() => window.benchReady === true);
};
try {
  await freshPage();
  const generated = await browser.page.evaluate(() => window.generatedNames());
  problems = [...problems.map((name) => ({ name })), ...generated.map((name) => ({ name, generated: name }))];
  if (only) problems = problems.filter((p) => p.name.includes(only));
  console.log(
    `${pad('problem', 22)} ${lpad('k', 3)} ${pad('kind', 13)} ${lpad('native ms', 11)} ${lpad('nat MiB', 8)} ` +
      `${lpad('wasm ms', 26)} ${lpad('wasm MiB', 8)} ${lpad('wasm/nat', 8)} ${pad('R (CCubes)', 24)} PIs/models`,
  );
  for (const { name, generated: gen } of problems) {
    const source = gen ? { generated: gen } : { csv: await readFile(join(timingDir, name), 'utf8') };
    for (const kind of ['parsimonious', 'complex']) {
      const nat = native.get(`${name} ${kind}`);
      const natMs = nat ? nat.seconds * 1000 : undefined;
      let wasm = 'n/a';
      let mib = '-';
      let ratio = '-';
      let outcome = '';
      let k = nat?.k ?? '?';
      if (natMs !== undefined && natMs > SKIP_NATIVE_SECONDS * 1000) {
        wasm = `not run (native > ${SKIP_NATIVE_SECONDS} s)`;
      } else {
        await freshPage();
        const r = await browser.page.evaluate(([c, kd, lim]) => window.benchMinimize(c, kd, lim), [
          source,
          kind,
          LIMIT_MS,
        ]);
        k = r.k;
        outcome = r.outcome;
        mib = r.mib.toFixed(0);
        if (r.outcome === 'timeout') {
          wasm = `cancelled at ${LIMIT_MS / 1000} s`;
        } else {
          wasm = r.ms.toFixed(2);
          if (natMs) ratio = `${(r.ms / natMs).toFixed(1)}x`;
        }
      }
      console.log(
        `${pad(name, 22)} ${lpad(k, 3)} ${pad(kind, 13)} ${lpad(natMs === undefined ? '-' : natMs.toFixed(2), 11)} ` +
          `${lpad(nat ? nat.mib.toFixed(1) : '-', 8)} ${lpad(wasm, 26)} ${lpad(mib, 8)} ${lpad(ratio, 8)} ` +
          `${pad(rOutcome(name, kind), 24)} ${outcome}`,
      );
    }
  }
  if (browser.errors.length) console.log(`page errors: ${browser.errors.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
}
