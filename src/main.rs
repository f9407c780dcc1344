//! Browser entry point: mounts the app.
#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<policylens::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "policylens is the web app: build it with `make serve`; the native tool is policylens-cli"
    );
    std::process::exit(2);
}
