//! Printing: how many spaces a printed list holds, and a QR code's modules as one SVG path.

use std::fmt::Write as _;

/// The most spaces a printed list holds; a longer selection prints its first ones and says so.
pub const MAX_PRINTED: usize = 200;

/// The dark modules of a `size` × `size` QR code as an SVG path in module units: one rectangle
/// per horizontal run, so the printer gets a few dozen shapes rather than a thousand.
#[must_use]
pub fn qr_path(size: u32, dark: impl Fn(u32, u32) -> bool) -> String {
    let mut path = String::new();
    for row in 0..size {
        let mut col = 0;
        while col < size {
            if !dark(row, col) {
                col += 1;
                continue;
            }
            let start = col;
            while col < size && dark(row, col) {
                col += 1;
            }
            let _ = write!(path, "M{start} {row}h{}v1H{start}z", col - start);
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_become_rectangles() {
        // Row 0: ##.#  Row 1: ....  Row 2: .###
        let grid = ["##.#", "....", ".###", "...."];
        let dark = |r: u32, c: u32| grid[r as usize].as_bytes()[c as usize] == b'#';
        assert_eq!(qr_path(4, dark), "M0 0h2v1H0zM3 0h1v1H3zM1 2h3v1H1z");
        assert_eq!(qr_path(3, |_, _| false), "");
    }
}
