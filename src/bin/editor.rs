//! The editors' workbench's entry point (`edit.html`): installs the panic hook and mounts the
//! workbench. It lives in the library, beside the map's shell, over the same core.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        hanoi_creative_map::map::install_panic_hook();
        leptos::mount::mount_to_body(hanoi_creative_map::editor::Workbench);
    }
}
