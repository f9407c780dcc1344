//! The web worker that minimizes truth tables off the page's thread (see
//! `policylens::app::worker`). Built by trunk as a second bin.
#[cfg(target_arch = "wasm32")]
fn main() {
    policylens::app::browser::install_panic_hook();
    policylens::app::worker::run_in_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("worker is the web worker of the PolicyLens page; build it with trunk");
    std::process::exit(2);
}
