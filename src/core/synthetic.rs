//! Deterministic synthetic datasets for benchmarks and load tests: any number of spaces in the
//! Hanoi region, with every contract field and realistic Vietnamese and English text. Never
//! shipped as data (`make bench` writes them to a temporary folder).

use std::fmt::Write as _;

/// A small, fast, reproducible random source (`SplitMix64`).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number below `n`.
    #[allow(clippy::cast_possible_truncation, reason = "n is a small list length")]
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in [0, 1).
    #[allow(clippy::cast_precision_loss, reason = "53 random bits are plenty")]
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const DISCIPLINES: &[&str] = &[
    "design",
    "architecture",
    "fine-arts",
    "photography",
    "crafts",
    "music",
    "performing-arts",
    "film",
    "publishing",
    "media-arts",
    "heritage",
];
const TYPES: &[(&str, &str, &str)] = &[
    ("museum", "Bảo tàng", "Museum"),
    ("library", "Thư viện", "Library"),
    ("gallery", "Phòng tranh", "Gallery"),
    ("art-space", "Không gian nghệ thuật", "Art Space"),
    ("cultural-centre", "Trung tâm Văn hóa", "Cultural Centre"),
    ("education-centre", "Trường", "School"),
    ("theatre", "Nhà hát", "Theatre"),
    ("cinema", "Rạp chiếu phim", "Cinema"),
    ("cafe", "Cà phê", "Café"),
    ("coworking", "Không gian làm việc chung", "Coworking"),
    ("bookstore", "Hiệu sách", "Bookshop"),
    ("craft-village", "Làng nghề", "Craft Village"),
    ("heritage-site", "Di tích", "Heritage Site"),
    ("public-space", "Phố", "Street"),
];
const OPERATORS: &[&str] = &["state", "private", "foreign", "individual", "community"];
const WORDS: &[(&str, &str)] = &[
    ("Hồng", "Red"),
    ("Sen", "Lotus"),
    ("Mây", "Cloud"),
    ("Gốm", "Ceramic"),
    ("Lụa", "Silk"),
    ("Tre", "Bamboo"),
    ("Đèn Lồng", "Lantern"),
    ("Sông Hồng", "Red River"),
    ("Phố Cổ", "Old Quarter"),
    ("Hoàng Hoa", "Yellow Flower"),
    ("Sơn Mài", "Lacquer"),
    ("Đông Hồ", "Dong Ho"),
    ("Ngói Đỏ", "Red Tile"),
    ("Trăng", "Moon"),
];
const STREETS: &[&str] = &[
    "Hàng Bạc",
    "Hàng Gai",
    "Tràng Tiền",
    "Lý Thường Kiệt",
    "Nguyễn Thái Học",
    "Phùng Hưng",
    "Đinh Lễ",
    "Tô Ngọc Vân",
    "Kim Mã",
    "Láng Hạ",
    "Xuân Diệu",
    "Trần Hưng Đạo",
];
/// Districts with a centre and a spread in degrees: most spaces are in the old town.
const DISTRICTS: &[(&str, f64, f64, f64)] = &[
    ("Hoàn Kiếm", 21.030, 105.852, 0.008),
    ("Ba Đình", 21.035, 105.830, 0.012),
    ("Đống Đa", 21.015, 105.825, 0.014),
    ("Tây Hồ", 21.065, 105.820, 0.015),
    ("Hai Bà Trưng", 21.005, 105.855, 0.012),
    ("Cầu Giấy", 21.030, 105.795, 0.015),
    ("Long Biên", 21.045, 105.890, 0.020),
    ("Gia Lâm", 20.975, 105.915, 0.040),
    ("Thạch Thất", 21.050, 105.540, 0.060),
];

/// A `GeoJSON` `FeatureCollection` text of `count` valid spaces, the same for the same `seed`.
#[must_use]
pub fn dataset(count: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(count * 700 + 64);
    out.push_str("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for i in 0..count {
        if i > 0 {
            out.push_str(",\n");
        }
        write_feature(&mut out, i, &mut rng);
    }
    out.push_str("\n]}\n");
    out
}

fn write_feature(out: &mut String, i: usize, rng: &mut Rng) {
    let district = DISTRICTS[if rng.unit() < 0.45 {
        0
    } else {
        rng.below(DISTRICTS.len())
    }];
    let (name, lat_c, lon_c, spread) = district;
    // The sum of two uniforms: denser in the middle of each district.
    let lat = lat_c + (rng.unit() + rng.unit() - 1.0) * spread;
    let lon = lon_c + (rng.unit() + rng.unit() - 1.0) * spread;
    let (code, type_vi, type_en) = TYPES[rng.below(TYPES.len())];
    let (word_vi, word_en) = WORDS[rng.below(WORDS.len())];
    let mut disciplines = vec![rng.pick(DISCIPLINES)];
    for _ in 0..rng.below(3) {
        let extra = rng.pick(DISCIPLINES);
        if !disciplines.contains(&extra) {
            disciplines.push(extra);
        }
    }
    let disciplines: Vec<String> = disciplines.iter().map(|d| format!("\"{d}\"")).collect();
    let status = if rng.unit() < 0.03 { "closed" } else { "open" };
    let street = rng.pick(STREETS);
    let number = 1 + rng.below(200);
    let _ = write!(
        out,
        concat!(
            "{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lon:.6},{lat:.6}]}},",
            "\"properties\":{{\"id\":\"space-{i}\",\"name\":{{\"vi\":\"{type_vi} {word_vi} {i}\",\"en\":\"{word_en} {type_en} {i}\"}},",
            "\"disciplines\":[{disciplines}],\"space_type\":\"{code}\",\"operator\":\"{operator}\",",
            "\"address\":\"{number} {street}, {district}, Hà Nội\",\"district\":\"{district}\",",
            "\"website\":\"https://example.org/space-{i}\",\"opening_hours\":\"Tu-Su 08:00-17:00\",",
            "\"description\":{{\"vi\":\"Không gian {word_vi} ở phố {street}: triển lãm, hội thảo và biểu diễn cho công chúng.\",",
            "\"en\":\"The {word_en} space on {street} street: exhibitions, talks and performances open to all.\"}},",
            "\"status\":\"{status}\",\"location_confidence\":\"medium\",\"source\":\"synthetic\",\"updated\":\"2026-11-24\"}}}}"
        ),
        lon = lon,
        lat = lat,
        i = i,
        type_vi = type_vi,
        word_vi = word_vi,
        word_en = word_en,
        type_en = type_en,
        disciplines = disciplines.join(","),
        code = code,
        operator = rng.pick(OPERATORS),
        number = number,
        street = street,
        district = name,
        status = status,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::validate::parse_str;
    use crate::core::model::region::Region;

    #[test]
    fn generated_data_is_valid_and_reproducible() {
        let text = dataset(2_000, 7);
        assert_eq!(text, dataset(2_000, 7));
        assert_ne!(text, dataset(2_000, 8));
        let parsed = parse_str(&text, &Region::HANOI);
        let errors: Vec<String> = parsed
            .errors()
            .take(3)
            .map(|p| p.describe(crate::core::text::lang::Lang::En))
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(parsed.spaces.len(), 2_000);
    }
}
