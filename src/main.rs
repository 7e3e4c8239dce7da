//! Entry point: installs the panic hook and mounts the app. The app lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        hanoi_creative_map::map::install_panic_hook();
        leptos::mount::mount_to_body(hanoi_creative_map::map::App);
    }
}
