//! Import benchmark: writes a ~50 MB CSV (200,000 rows × 25 columns: a
//! case-name column and 24 numeric columns with some `NA`) to a temp dir,
//! then imports it natively and prints the time and peak memory.
//!
//! ```text
//! cargo run --release --example import_bench [rows] [slice_rows]
//! ```
//!
//! Prints: file size, whole-file `import` time, the same through
//! `DelimitedImport::step` in slices (number of slices and the slowest
//! slice, which bounds how long the browser's main thread is blocked per
//! animation frame) for the UTF-8 file and for the same text in GBK, and
//! VmHWM (peak resident memory, Linux only) before and after the import.

use std::fmt::Write as _;
use std::time::Instant;

use policylens::analysis::data::{DelimitedImport, ImportOptions, import};

fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "n/a".to_owned(),
        |k| format!("{:.1} MiB", k as f64 / 1024.0),
    )
}

fn make_csv(rows: usize) -> String {
    let mut s = String::with_capacity(rows * 260);
    s.push_str("county");
    for j in 1..25 {
        let _ = write!(s, ",X{j}");
    }
    s.push('\n');
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..rows {
        let _ = write!(s, "县域{i:07}");
        for _ in 1..25 {
            // xorshift: deterministic pseudo-random values in [0, 1)
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if state.is_multiple_of(50) {
                s.push_str(",NA");
            } else {
                let _ = write!(s, ",{:.7}", (state >> 11) as f64 / (1u64 << 53) as f64);
            }
        }
        s.push('\n');
    }
    s
}

/// Import through `DelimitedImport` in slices; time the whole and the
/// slowest slice (the longest the browser's main thread would be blocked).
fn sliced(
    label: &str,
    bytes: &[u8],
    slice_rows: usize,
) -> Result<(policylens::analysis::data::Imported, String), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let mut job = DelimitedImport::new("bench.csv", bytes, &ImportOptions::default())?;
    let setup = t.elapsed();
    let mut slowest = std::time::Duration::ZERO;
    let mut slices = 0usize;
    loop {
        let s = Instant::now();
        let p = job.step(slice_rows)?;
        slowest = slowest.max(s.elapsed());
        slices += 1;
        if p.done {
            break;
        }
    }
    let got = job.finish()?;
    let report = format!(
        "{label} ({:.1} MB) in slices of {slice_rows} rows: {:.3} s total; new() {:.1} ms; \
         {slices} slices, slowest {:.1} ms; {} rows, encoding {:?}",
        bytes.len() as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        setup.as_secs_f64() * 1e3,
        slowest.as_secs_f64() * 1e3,
        got.dataset.n_rows(),
        got.encoding,
    );
    Ok((got, report))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map_or(Ok(200_000), |a| a.parse())?;
    let slice_rows: usize = args.next().map_or(Ok(2_000), |a| a.parse())?;

    let path = std::env::temp_dir().join(format!("policylens_bench_{rows}.csv"));
    std::fs::write(&path, make_csv(rows))?;
    let bytes = std::fs::read(&path)?;
    println!(
        "file: {} ({:.1} MB, {rows} rows x 25 columns)",
        path.display(),
        bytes.len() as f64 / 1e6
    );
    println!("VmHWM before import: {}", mib(vm_hwm_kib()));

    let t = Instant::now();
    let got = import("bench.csv", &bytes, &ImportOptions::default())?;
    let whole = t.elapsed();
    println!(
        "import (whole file): {:.3} s, {} rows, {} columns, encoding {:?}, delimiter {:?}",
        whole.as_secs_f64(),
        got.dataset.n_rows(),
        got.dataset.n_columns(),
        got.encoding,
        got.delimiter.map(char::from)
    );
    println!("VmHWM after import: {}", mib(vm_hwm_kib()));
    drop(got);

    let (got, report) = sliced("UTF-8", &bytes, slice_rows)?;
    println!("{report}");
    let (gbk, _, _) = encoding_rs::GBK.encode(std::str::from_utf8(&bytes)?);
    let (_, report) = sliced("GBK", &gbk, slice_rows)?;
    println!("{report}");
    let summaries = got.dataset.summaries();
    println!("column X1: {:?}", summaries.get(1));
    println!("VmHWM at end: {}", mib(vm_hwm_kib()));
    std::fs::remove_file(&path)?;
    Ok(())
}
