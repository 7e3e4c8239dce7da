//! The few elementary functions the geography needs (distances, Web Mercator). Natively they are
//! the standard library's; in the browser they are the JavaScript engine's `Math`, because the
//! standard library's versions compile libm into the bundle: about 11 KB of wasm, measured in
//! BENCHMARKS.md. Both are accurate to about an ulp, far finer than a map needs.

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// Each function as the standard library's method of the same name.
    macro_rules! from_std {
        ($($name:ident),*) => {$(
            #[doc = concat!("`f64::", stringify!($name), "`.")]
            #[must_use]
            pub fn $name(x: f64) -> f64 {
                x.$name()
            }
        )*};
    }
    from_std!(sin, cos, asin, atan, sinh, ln);
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub use js_sys::Math::{asin, atan, cos, log as ln, sin, sinh};
}

pub use imp::{asin, atan, cos, ln, sin, sinh};
