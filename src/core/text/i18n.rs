//! Every interface string and taxonomy label, as one typed table per language, so a missing
//! translation is a compile error rather than a blank on screen.

use crate::core::model::taxonomy::{Discipline, Membership, Operator, SpaceType, Status};
use crate::core::text::lang::Lang;

/// The interface strings of one language.
#[allow(clippy::struct_field_names, reason = "field names mirror where each string is shown")]
pub struct Texts {
    /// Heading of the discipline filter.
    pub disciplines: &'static str,
    /// Heading of the space-type filter.
    pub space_types: &'static str,
    /// Heading of the operator filter.
    pub operators: &'static str,
    /// Label of the control that clears every filter.
    pub clear_filters: &'static str,
    /// Label of the toggle that shows closed spaces.
    pub show_closed: &'static str,
    /// Words after the number of spaces shown.
    pub spaces_shown: &'static str,
    /// Shown while the dataset loads.
    pub loading: &'static str,
    /// Heading of the notice about skipped spaces; `{n}` is the number.
    pub skipped_notice: &'static str,
    /// Shown when the dataset cannot be used at all.
    pub load_failed: &'static str,
    /// Why loading failed: the server's error status `{n}`.
    pub error_http: &'static str,
    /// Why loading failed: no answer.
    pub error_network: &'static str,
    /// Why loading failed: the file is not a usable dataset.
    pub error_unusable: &'static str,
    /// Heading of the notice when only some fields were left out; `{n}` is the number.
    pub fields_dropped_notice: &'static str,
    /// Label of the retry button.
    pub retry: &'static str,
    /// Label of the website link in a popup.
    pub website: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// Label of the button that opens or closes the filter panel on narrow screens.
    pub filters: &'static str,
    /// Accessible name of the map.
    pub map_label: &'static str,
    /// Label of the search box.
    pub search_label: &'static str,
    /// Hint inside the search box.
    pub search_placeholder: &'static str,
    /// Accessible name of the result list.
    pub results: &'static str,
    /// Shown when nothing matches.
    pub no_results: &'static str,
    /// Button that lengthens the list; `{n}` is how many are hidden.
    pub show_more: &'static str,
    /// Label of the button that closes the details.
    pub close: &'static str,
    /// Accessible name of the detail panel.
    pub details: &'static str,
    /// Heading of the address.
    pub address: &'static str,
    /// Heading of the opening hours.
    pub opening_hours: &'static str,
    /// Heading of the links.
    pub contact: &'static str,
    /// Label before the operator.
    pub run_by: &'static str,
    /// Label of the directions link.
    pub directions: &'static str,
    /// Label of the share button.
    pub share: &'static str,
    /// Shown after the link was copied.
    pub link_copied: &'static str,
    /// Label of the link from the embedded map to the full map.
    pub open_full_map: &'static str,
    /// Shown over the map when the background tiles cannot load.
    pub tiles_unavailable: &'static str,
    /// Shown instead when the city's simplified offline background is drawn in their place.
    pub tiles_simplified: &'static str,
    /// Name of a marker grouping several spaces; `{n}` is how many.
    pub cluster_title: &'static str,
    /// Badge when the hours say the space is open at this moment (Hanoi time).
    pub open_now: &'static str,
    /// Badge when the hours say the space is closed at this moment.
    pub closed_now: &'static str,
    /// Label of the link to the "Embed this map" page, and that page's title.
    pub embed_map: &'static str,
    /// Label of the near-me button.
    pub locate: &'static str,
    /// Shown while the position is requested.
    pub locating: &'static str,
    /// Shown when the position cannot be had.
    pub locate_failed: &'static str,
    /// Label of the person's position on the map.
    pub your_position: &'static str,
    /// Note when a space's position is approximate.
    pub location_rough: &'static str,
    /// Heading of the network-membership filter.
    pub network: &'static str,
    /// The "open" filter's choice that does not constrain.
    pub any_time: &'static str,
    /// The "open" filter's choice of a day and time.
    pub open_at: &'static str,
    /// Under the "open" filter: `{n}` spaces hidden because their hours are not known.
    pub hours_unknown_hidden: &'static str,
    /// Shown for a space with no known opening hours.
    pub hours_unknown: &'static str,
    /// Label before the download buttons.
    pub download: &'static str,
    /// Label of the star that keeps a space on this device.
    pub favourite: &'static str,
    /// Heading of the list of favourites.
    pub favourites: &'static str,
    /// Heading of the curated walks.
    pub trails: &'static str,
    /// Label of the button that opens the suggestion form for a new space.
    pub suggest: &'static str,
    /// Label of the button that suggests an edit of the open space.
    pub suggest_edit: &'static str,
    /// Explanation at the top of the suggestion form.
    pub suggest_help: &'static str,
    /// Form label: Vietnamese name.
    pub name_vi: &'static str,
    /// Form label: English name.
    pub name_en: &'static str,
    /// Form label: district.
    pub district: &'static str,
    /// Form label: latitude.
    pub latitude: &'static str,
    /// Form label: longitude.
    pub longitude: &'static str,
    /// Form label: phone.
    pub phone: &'static str,
    /// Form label: e-mail.
    pub email: &'static str,
    /// Form label: description.
    pub description: &'static str,
    /// Form label: the space asks to join the network.
    pub applying: &'static str,
    /// Form label: a note for the editors.
    pub note: &'static str,
    /// The empty choice of a drop-down.
    pub choose: &'static str,
    /// Heading of the problems that stop a suggestion from being sent.
    pub fix_first: &'static str,
    /// Heading of the text that will be sent.
    pub will_send: &'static str,
    /// Link that sends the suggestion by e-mail.
    pub send_email: &'static str,
    /// Link that opens the suggestion as an issue.
    pub open_issue: &'static str,
    /// Shown when no channel for suggestions is configured.
    pub no_channel: &'static str,
    /// Label of the button and heading of the page about joining the network.
    pub join: &'static str,
    /// Who can join the network.
    pub join_who: &'static str,
    /// What members receive.
    pub join_benefits: &'static str,
    /// How to apply.
    pub join_how: &'static str,
    /// Button that opens the form to apply.
    pub apply: &'static str,
    /// Button that prints the list shown.
    pub print_list: &'static str,
    /// Button that prints the open space.
    pub print_space: &'static str,
    /// Note on a printed list cut at its first `{n}` spaces.
    pub print_cut: &'static str,
    /// The discreet link to the editors' workbench (edit.html).
    pub for_editors: &'static str,
    /// Name of a marker grouping spaces at one spot, which lists them; `{n}` is how many.
    pub cluster_list_title: &'static str,
    /// Name of the skip links' navigation.
    pub skip_links: &'static str,
    /// Skip link to the result list.
    pub skip_to_list: &'static str,
    /// Skip link to the map.
    pub skip_to_map: &'static str,
    /// After a filter group's heading: `{n}` choices ticked in it.
    pub chosen_count: &'static str,
    /// Map control that zooms in.
    pub zoom_in: &'static str,
    /// Map control that zooms out.
    pub zoom_out: &'static str,
    /// Link in the footer to the accessibility statement, and the statement's title.
    pub accessibility: &'static str,
}

const VI: Texts = Texts {
    disciplines: "Lĩnh vực",
    space_types: "Loại không gian",
    operators: "Đơn vị vận hành",
    clear_filters: "Bỏ mọi bộ lọc",
    show_closed: "Hiện cả nơi đã đóng cửa",
    spaces_shown: "không gian đang hiển thị",
    loading: "Đang tải dữ liệu…",
    skipped_notice: "{n} địa điểm không thể hiển thị",
    load_failed: "Không tải được dữ liệu bản đồ.",
    error_http: "Máy chủ trả lời lỗi {n}.",
    error_network: "Không kết nối được. Hãy kiểm tra mạng rồi thử lại.",
    error_unusable: "Tệp dữ liệu bị lỗi:",
    fields_dropped_notice: "{n} thông tin bị lỗi đã được bỏ qua",
    retry: "Thử lại",
    website: "Trang web",
    language: "Ngôn ngữ",
    filters: "Bộ lọc",
    map_label: "Bản đồ các không gian sáng tạo",
    search_label: "Tìm kiếm không gian",
    search_placeholder: "Tên, địa chỉ, quận, lĩnh vực…",
    results: "Danh sách kết quả",
    no_results: "Không có không gian nào phù hợp. Hãy bỏ bớt bộ lọc hoặc từ khóa.",
    show_more: "Xem thêm ({n} nữa)",
    close: "Đóng",
    details: "Thông tin chi tiết",
    address: "Địa chỉ",
    opening_hours: "Giờ mở cửa",
    contact: "Liên hệ",
    run_by: "Đơn vị vận hành:",
    directions: "Chỉ đường (OpenStreetMap)",
    share: "Chia sẻ",
    link_copied: "Đã sao chép liên kết",
    open_full_map: "Mở bản đồ đầy đủ ↗",
    tiles_unavailable: "Không tải được nền bản đồ (mất mạng?). Các địa điểm vẫn hiển thị đầy đủ.",
    tiles_simplified: "Không tải được nền bản đồ (mất mạng?): đang hiện nền giản lược. Các địa điểm vẫn hiển thị đầy đủ.",
    cluster_title: "{n} không gian, phóng to",
    open_now: "Đang mở cửa",
    closed_now: "Đang đóng cửa",
    embed_map: "Nhúng bản đồ này",
    locate: "Gần tôi",
    locating: "Đang xác định vị trí…",
    locate_failed: "Không xác định được vị trí của bạn (chưa cho phép hoặc thiết bị không hỗ trợ). Bản đồ vẫn hoạt động bình thường.",
    your_position: "Vị trí của bạn",
    location_rough: "Vị trí trên bản đồ là gần đúng.",
    network: "Mạng lưới không gian sáng tạo",
    any_time: "Bất kỳ lúc nào",
    open_at: "Mở cửa vào lúc…",
    hours_unknown_hidden: "{n} không gian chưa rõ giờ mở cửa nên không được hiển thị.",
    hours_unknown: "Chưa rõ giờ mở cửa",
    download: "Tải về các không gian đang hiển thị:",
    favourite: "Yêu thích",
    favourites: "Nơi yêu thích của tôi",
    trails: "Lộ trình đi bộ",
    suggest: "Đề xuất một không gian",
    suggest_edit: "Đề xuất sửa thông tin",
    suggest_help: "Điền những gì bạn biết. Nội dung bên dưới chính là những gì sẽ được gửi đi; biên tập viên của bản đồ sẽ kiểm tra trước khi đăng.",
    name_vi: "Tên tiếng Việt",
    name_en: "Tên tiếng Anh",
    district: "Quận/huyện",
    latitude: "Vĩ độ",
    longitude: "Kinh độ",
    phone: "Điện thoại",
    email: "E-mail",
    description: "Giới thiệu ngắn",
    applying: "Không gian này muốn tham gia mạng lưới",
    note: "Lời nhắn cho biên tập viên (bạn là ai, liên hệ thế nào)",
    choose: "— chọn —",
    fix_first: "Cần sửa trước khi gửi:",
    will_send: "Nội dung sẽ gửi:",
    send_email: "Gửi qua e-mail",
    open_issue: "Gửi qua trang góp ý",
    no_channel: "Bản đồ này chưa cấu hình nơi nhận góp ý: hãy sao chép nội dung và gửi cho biên tập viên của bản đồ.",
    join: "Tham gia mạng lưới",
    join_who: "Mạng lưới không gian văn hóa sáng tạo Hà Nội mở cho mọi không gian, lớn hay nhỏ, công lập hay độc lập: bảo tàng, thư viện, phòng tranh, không gian nghệ thuật, nhà hát, rạp chiếu phim, quán cà phê, không gian làm việc chung, làng nghề, phố sách và phố bích họa.",
    join_benefits: "Thành viên được tham gia các sự kiện tại Trung tâm Điều phối các hoạt động sáng tạo Hà Nội, được giới thiệu trên các kênh Thành phố Sáng tạo của thành phố và được hỗ trợ về thủ tục, giấy phép.",
    join_how: "Để đăng ký, hãy gửi thông tin về không gian của bạn bằng mẫu bên dưới; trung tâm điều phối sẽ liên hệ lại.",
    apply: "Đăng ký tham gia",
    print_list: "In danh sách",
    print_space: "In",
    print_cut: "Bản in gồm {n} không gian đầu tiên của danh sách; hãy lọc thêm để in những nơi khác.",
    for_editors: "Dành cho biên tập viên",
    cluster_list_title: "{n} không gian tại đây, xem danh sách",
    skip_links: "Chuyển nhanh",
    skip_to_list: "Chuyển đến danh sách",
    skip_to_map: "Chuyển đến bản đồ",
    chosen_count: "đã chọn {n}",
    zoom_in: "Phóng to",
    zoom_out: "Thu nhỏ",
    accessibility: "Khả năng tiếp cận",
};

const EN: Texts = Texts {
    disciplines: "Discipline",
    space_types: "Type of space",
    operators: "Run by",
    clear_filters: "Clear all filters",
    show_closed: "Show closed spaces",
    spaces_shown: "spaces shown",
    loading: "Loading the data…",
    skipped_notice: "{n} spaces could not be shown",
    load_failed: "The map data could not be loaded.",
    error_http: "The server answered with error {n}.",
    error_network: "The server could not be reached. Check the connection and try again.",
    error_unusable: "The data file is broken:",
    fields_dropped_notice: "{n} faulty details were left out",
    retry: "Try again",
    website: "Website",
    language: "Language",
    filters: "Filters",
    map_label: "Map of creative spaces",
    search_label: "Search spaces",
    search_placeholder: "Name, address, district, discipline…",
    results: "Results",
    no_results: "No space matches. Try fewer filters or other words.",
    show_more: "Show more ({n} more)",
    close: "Close",
    details: "Details",
    address: "Address",
    opening_hours: "Opening hours",
    contact: "Contact",
    run_by: "Run by:",
    directions: "Directions (OpenStreetMap)",
    share: "Share",
    link_copied: "Link copied",
    open_full_map: "Open the full map ↗",
    tiles_unavailable: "The background map cannot load (offline?). Every space is still shown.",
    tiles_simplified: "The background map cannot load (offline?): showing a simplified one. Every space is still shown.",
    cluster_title: "{n} spaces, zoom in",
    open_now: "Open now",
    closed_now: "Closed now",
    embed_map: "Embed this map",
    locate: "Near me",
    locating: "Finding your position…",
    locate_failed: "Your position is not available (not allowed, or not supported). The map works as before.",
    your_position: "Your position",
    location_rough: "The position on the map is approximate.",
    network: "Creative spaces network",
    any_time: "Any time",
    open_at: "Open at…",
    hours_unknown_hidden: "{n} spaces with unknown opening hours are not shown.",
    hours_unknown: "Opening hours unknown",
    download: "Download the spaces shown:",
    favourite: "Favourite",
    favourites: "My favourites",
    trails: "Walks",
    suggest: "Suggest a space",
    suggest_edit: "Suggest an edit",
    suggest_help: "Fill in what you know. The text below is exactly what will be sent; the map's editors check it before it appears.",
    name_vi: "Name in Vietnamese",
    name_en: "Name in English",
    district: "District",
    latitude: "Latitude",
    longitude: "Longitude",
    phone: "Phone",
    email: "E-mail",
    description: "Short description",
    applying: "This space would like to join the network",
    note: "Note for the editors (who you are, how to reach you)",
    choose: "— choose —",
    fix_first: "Please fix before sending:",
    will_send: "What will be sent:",
    send_email: "Send by e-mail",
    open_issue: "Send as an issue",
    no_channel: "This map has no channel for suggestions set up: copy the text and send it to the map's editors.",
    join: "Join the network",
    join_who: "Hanoi's network of cultural and creative spaces is open to spaces large and small, public and independent: museums, libraries, galleries, art spaces, theatres, cinemas, cafés, coworking spaces, craft villages, book and mural streets.",
    join_benefits: "Members take part in events at the Hanoi Creative Activities Coordination Center, are promoted on the city's Creative City channels, and get help with permits.",
    join_how: "To apply, send your space's details with the form below; the coordination centre will get back to you.",
    apply: "Apply to join",
    print_list: "Print the list",
    print_space: "Print",
    print_cut: "This printout holds the first {n} spaces of the list; filter further to print the others.",
    for_editors: "For editors",
    cluster_list_title: "{n} spaces here, show the list",
    skip_links: "Skip links",
    skip_to_list: "Skip to the list",
    skip_to_map: "Skip to the map",
    chosen_count: "{n} chosen",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    accessibility: "Accessibility",
};

/// The interface strings of `lang`.
#[must_use]
pub const fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The accessibility statement: its own page (`accessibility.html`, written from these texts by
/// `core::pages::statement`), so that the map's bundle does not carry it.
pub struct Statement {
    /// What the map supports.
    pub supported: &'static str,
    /// How to use the map by keyboard.
    pub keyboard: &'static str,
    /// Known limits.
    pub limits: &'static str,
    /// Reporting a barrier: what to tell.
    pub report: &'static str,
    /// Reporting a barrier: through the suggestion form, sent by the city's channel.
    pub how_to_report: &'static str,
    /// The link back to the map.
    pub back: &'static str,
}

const STATEMENT_VI: Statement = Statement {
    supported: "Bản đồ hướng tới đáp ứng WCAG 2.2 mức AA. Mọi thao tác đều làm được bằng bàn phím, trình đọc màn hình hay màn hình cảm ứng. Danh sách kết quả chứa mọi không gian có trên bản đồ, theo cùng bộ lọc và từ khóa, nên có thể dùng danh sách thay cho bản đồ. Trang vẫn dùng được khi màn hình chỉ rộng 320 px, khi phóng to chữ 200%, ở giao diện sáng và tối, và khi thiết bị yêu cầu giảm chuyển động.",
    keyboard: "Bàn phím: Tab và Shift+Tab để di chuyển; hai liên kết đầu trang chuyển thẳng đến danh sách hoặc bản đồ. Trên bản đồ, các phím mũi tên di chuyển bản đồ, + và − phóng to, thu nhỏ; Enter hoặc phím cách trên một điểm sẽ mở thông tin không gian đó, trên một nhóm sẽ phóng to vào nhóm. Escape đóng thông tin và đưa bạn về chỗ cũ.",
    limits: "Hạn chế đã biết: nền bản đồ (ảnh OpenStreetMap) không có văn bản tương đương, hãy dùng địa chỉ và danh sách; vị trí của một số không gian chỉ là gần đúng; một số mô tả chỉ có một ngôn ngữ.",
    report: "Gặp trở ngại? Hãy báo cho biên tập viên của bản đồ: bạn đã định làm gì, trên thiết bị nào, với công nghệ hỗ trợ nào.",
    how_to_report: "Hãy dùng “Đề xuất sửa thông tin” trong thông tin một không gian, hoặc “Đề xuất một không gian” dưới danh sách, và ghi trở ngại vào lời nhắn cho biên tập viên; biểu mẫu cho bạn nội dung để gửi.",
    back: "Về bản đồ",
};

const STATEMENT_EN: Statement = Statement {
    supported: "This map aims to meet WCAG 2.2 level AA. Everything can be done with a keyboard, a screen reader or a touch screen. The result list holds every space on the map, with the same filters and search, so the list can stand in for the map. The page works on screens 320 px wide, with text at 200%, in light and dark themes, and with reduced motion.",
    keyboard: "Keyboard: Tab and Shift+Tab move between controls; the two links at the top skip straight to the list or the map. On the map, the arrow keys move it and + and − zoom; Enter or Space on a space opens its details, on a group zooms into it. Escape closes the details and brings you back where you were.",
    limits: "Known limits: the background map (OpenStreetMap images) has no text equivalent: use the addresses and the list; some spaces' positions are approximate; some descriptions exist in one language only.",
    report: "Found a barrier? Tell the map's editors what you tried to do, on which device and with which assistive technology.",
    how_to_report: "Use “Suggest an edit” in a space's details, or “Suggest a space” below the list, and describe the barrier in the note for the editors; the form gives you the text to send.",
    back: "Back to the map",
};

/// The accessibility statement in `lang`.
#[must_use]
pub const fn statement(lang: Lang) -> &'static Statement {
    match lang {
        Lang::Vi => &STATEMENT_VI,
        Lang::En => &STATEMENT_EN,
    }
}

/// A value with a name in each language.
pub trait Label {
    /// The name in `lang`.
    fn label(self, lang: Lang) -> &'static str;
}

impl Label for Discipline {
    fn label(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Self::Design => ("Thiết kế", "Design"),
            Self::Architecture => ("Kiến trúc", "Architecture"),
            Self::FineArts => ("Mỹ thuật", "Fine arts"),
            Self::Photography => ("Nhiếp ảnh", "Photography"),
            Self::Crafts => ("Thủ công", "Crafts"),
            Self::Music => ("Âm nhạc", "Music"),
            Self::PerformingArts => ("Nghệ thuật biểu diễn", "Performing arts"),
            Self::Film => ("Điện ảnh", "Film"),
            Self::Publishing => ("Xuất bản & văn học", "Publishing & literature"),
            Self::MediaArts => ("Nghệ thuật truyền thông", "Media arts"),
            Self::Heritage => ("Di sản", "Heritage"),
        };
        pick(lang, vi, en)
    }
}

impl Label for SpaceType {
    fn label(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Self::Museum => ("Bảo tàng", "Museum"),
            Self::Library => ("Thư viện", "Library"),
            Self::Gallery => ("Phòng tranh", "Gallery"),
            Self::ArtSpace => ("Không gian nghệ thuật", "Art space"),
            Self::CulturalCentre => ("Trung tâm văn hóa", "Cultural centre"),
            Self::EducationCentre => ("Cơ sở đào tạo", "Education centre"),
            Self::Theatre => ("Nhà hát", "Theatre"),
            Self::Cinema => ("Rạp chiếu phim", "Cinema"),
            Self::Cafe => ("Cà phê", "Café"),
            Self::Coworking => ("Không gian làm việc chung", "Coworking"),
            Self::Bookstore => ("Hiệu sách", "Bookstore"),
            Self::CraftVillage => ("Làng nghề", "Craft village"),
            Self::HeritageSite => ("Di tích", "Heritage site"),
            Self::PublicSpace => ("Không gian công cộng", "Public space"),
        };
        pick(lang, vi, en)
    }
}

impl Label for Operator {
    fn label(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Self::State => ("Nhà nước", "State"),
            Self::Private => ("Tư nhân", "Private"),
            Self::Foreign => ("Tổ chức nước ngoài", "Foreign institute"),
            Self::Individual => ("Cá nhân", "Individual"),
            Self::Community => ("Cộng đồng, nhóm sáng tạo", "Community group"),
        };
        pick(lang, vi, en)
    }
}

impl Label for Status {
    fn label(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Self::Open => ("Đang mở cửa", "Open"),
            Self::TemporarilyClosed => ("Tạm đóng cửa", "Temporarily closed"),
            Self::Closed => ("Đã đóng cửa", "Closed"),
            Self::Unknown => ("Chưa rõ tình trạng", "Status unknown"),
        };
        pick(lang, vi, en)
    }
}

impl Label for Membership {
    fn label(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Self::Member => ("Thành viên mạng lưới", "Network member"),
            Self::Applicant => ("Đang đăng ký vào mạng lưới", "Applying to the network"),
        };
        pick(lang, vi, en)
    }
}

const fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A space's accessible name on the map: its name and its type of space, as in
/// "Văn Miếu – Quốc Tử Giám, heritage site".
#[must_use]
pub fn space_label(space: &crate::core::model::space::Space, lang: Lang) -> String {
    format!(
        "{}, {}",
        space.display_name(lang),
        crate::core::query::fold::lowercase(space.space_type.label(lang))
    )
}

/// The texts of the "Embed this map" page (`embed.html`, written from these texts by
/// `core::pages::embed`), so that the map's bundle does not carry them.
pub struct EmbedTexts {
    /// What the snippet does.
    pub help: &'static str,
    /// Heading of the size choice.
    pub size: &'static str,
    /// Label of the code's field.
    pub code: &'static str,
    /// Label of the copy button.
    pub copy: &'static str,
    /// Shown after copying.
    pub copied: &'static str,
    /// Heading of the preview: the embedded map as the portal will show it.
    pub preview: &'static str,
}

const EMBED_VI: EmbedTexts = EmbedTexts {
    help: "Dán đoạn mã này vào trang web của bạn. Bản đồ nhúng giữ nguyên bộ lọc, từ khóa và ngôn ngữ đang chọn.",
    size: "Kích thước",
    code: "Mã nhúng",
    copy: "Sao chép",
    copied: "Đã sao chép",
    preview: "Xem trước",
};

const EMBED_EN: EmbedTexts = EmbedTexts {
    help: "Paste this code into your web page. The embedded map keeps the filters, search and language you have chosen.",
    size: "Size",
    code: "Embed code",
    copy: "Copy",
    copied: "Copied",
    preview: "Preview",
};

/// The texts of the "Embed this map" page in `lang`.
#[must_use]
pub const fn embed_page(lang: Lang) -> &'static EmbedTexts {
    match lang {
        Lang::Vi => &EMBED_VI,
        Lang::En => &EMBED_EN,
    }
}

/// Fills `{n}` in a template with a number.
#[must_use]
pub fn with_count(template: &str, n: usize) -> String {
    template.replace("{n}", &n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_differs_between_languages_or_is_a_loanword() {
        for d in Discipline::ALL {
            assert!(!d.label(Lang::Vi).is_empty() && !d.label(Lang::En).is_empty());
            assert_ne!(d.label(Lang::Vi), d.label(Lang::En), "{}", d.code());
        }
        for t in SpaceType::ALL {
            assert_ne!(t.label(Lang::Vi), t.label(Lang::En), "{}", t.code());
        }
    }

    #[test]
    fn a_space_is_named_with_its_type() {
        let geojson = r#"{"type": "FeatureCollection", "features": [{"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [105.8355, 21.0277]},
            "properties": {"id": "van-mieu", "name": {"vi": "Văn Miếu – Quốc Tử Giám"},
                "disciplines": ["heritage"], "space_type": "heritage-site"}}]}"#;
        let dataset = crate::core::check::validate::parse_str(geojson, &crate::core::model::region::Region::default());
        let space = &dataset.spaces[0];
        assert_eq!(space_label(space, Lang::En), "Văn Miếu – Quốc Tử Giám, heritage site");
        assert_eq!(space_label(space, Lang::Vi), "Văn Miếu – Quốc Tử Giám, di tích");
    }

    #[test]
    fn count_template() {
        assert_eq!(
            with_count(texts(Lang::En).skipped_notice, 3),
            "3 spaces could not be shown"
        );
    }
}
