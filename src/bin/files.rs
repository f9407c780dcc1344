//! The web worker that reads spreadsheet workbooks and writes the XLSX
//! workbook off the page's thread (see `policylens::app::worker`), apart
//! from the minimization worker so that the latter stays small. Built by
//! trunk as a third bin.
#[cfg(target_arch = "wasm32")]
fn main() {
    policylens::app::browser::install_panic_hook();
    policylens::app::worker::run_in_files_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("files is a web worker of the PolicyLens page; build it with trunk");
    std::process::exit(2);
}
