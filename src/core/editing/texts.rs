//! Every string of the editors' workbench, one typed table per language (as [`crate::core::text::i18n`]
//! for the map), kept apart so that the visitors' bundle carries none of them.

use crate::core::text::lang::Lang;

/// The workbench's strings in one language. `{n}` in a template is a number.
#[allow(clippy::struct_field_names, reason = "field names mirror where each string is shown")]
pub struct EditorTexts {
    /// The page's title.
    pub title: &'static str,
    /// Link back to the map.
    pub back_to_map: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// Shown while the dataset loads.
    pub loading: &'static str,
    /// Button that opens the published dataset.
    pub open_published: &'static str,
    /// Label of the file picker.
    pub open_file: &'static str,
    /// What can be dropped on the page.
    pub drop_hint: &'static str,
    /// Before the name of the file being edited.
    pub editing: &'static str,
    /// Shown when a file cannot be opened at all.
    pub open_failed: &'static str,
    /// Undo button.
    pub undo: &'static str,
    /// Redo button.
    pub redo: &'static str,
    /// Button that adds a space by placing it on the map.
    pub add_space: &'static str,
    /// Shown while the next click on the map places a new space.
    pub add_hint: &'static str,
    /// Label of the table's search box.
    pub search_label: &'static str,
    /// Filter: every space.
    pub filter_all: &'static str,
    /// Filter: spaces with errors.
    pub filter_errors: &'static str,
    /// Filter: spaces with warnings only.
    pub filter_warnings: &'static str,
    /// Filter: spaces with no problem.
    pub filter_clean: &'static str,
    /// Label of the problem filter.
    pub filter_problems: &'static str,
    /// Label of the status filter.
    pub filter_status: &'static str,
    /// Label of the type filter.
    pub filter_type: &'static str,
    /// Any value of a filter.
    pub any: &'static str,
    /// Column: problems.
    pub column_problems: &'static str,
    /// How many rows are listed: `{n}` of `{m}`.
    pub rows_shown: &'static str,
    /// Button that lists more rows; `{n}` is how many more.
    pub show_more: &'static str,
    /// Heading of the problem list; `{n}` is how many.
    pub problems_heading: &'static str,
    /// Shown when the dataset has no problem.
    pub no_problems: &'static str,
    /// Where a problem of the whole file is listed.
    pub whole_file: &'static str,
    /// Shown in the form's place when no space is chosen.
    pub choose_hint: &'static str,
    /// Heading of the form; the space's name follows.
    pub form_heading: &'static str,
    /// Hint under the disciplines field.
    pub disciplines_hint: &'static str,
    /// Button that marks a space closed.
    pub close_space: &'static str,
    /// Button that deletes a duplicate.
    pub delete_space: &'static str,
    /// Asked before deleting.
    pub delete_confirm: &'static str,
    /// Heading of the save panel.
    pub save_heading: &'static str,
    /// Summary: spaces added.
    pub summary_added: &'static str,
    /// Summary: spaces changed.
    pub summary_changed: &'static str,
    /// Summary: spaces closed.
    pub summary_closed: &'static str,
    /// Summary: spaces deleted.
    pub summary_removed: &'static str,
    /// Shown when nothing changed.
    pub no_changes: &'static str,
    /// Download button for the dataset.
    pub download_geojson: &'static str,
    /// Download button for the editors' CSV.
    pub download_csv: &'static str,
    /// Asked before saving a file with errors; `{n}` is how many.
    pub confirm_errors: &'static str,
    /// How to publish the file downloaded.
    pub publish_hint: &'static str,
    /// Shown after a reload restored the session; `{n}` is how many steps.
    pub restored: &'static str,
    /// Shown when a stored session belongs to a file that has changed.
    pub restore_failed: &'static str,
    /// Shown when the session's local file was too large to keep; the file's name follows.
    pub reopen_file: &'static str,
    /// Button that drops the session's changes.
    pub start_over: &'static str,
    /// Asked before dropping changes.
    pub start_over_confirm: &'static str,
    /// Heading of the suggestion panel.
    pub suggestion_heading: &'static str,
    /// Label of the box where a suggestion is pasted.
    pub suggestion_paste: &'static str,
    /// Button that reads the pasted suggestion.
    pub suggestion_read: &'static str,
    /// Shown when the text holds no suggestion.
    pub suggestion_none: &'static str,
    /// Shown for a suggested new space.
    pub suggestion_new: &'static str,
    /// Shown for a suggested edit; the space's id follows.
    pub suggestion_edit: &'static str,
    /// Shown when the suggestion changes nothing.
    pub suggestion_same: &'static str,
    /// Column: the value now.
    pub current: &'static str,
    /// Column: the value suggested.
    pub proposed: &'static str,
    /// Label of the box that accepts a field.
    pub accept_field: &'static str,
    /// Button that applies the accepted fields.
    pub accept: &'static str,
    /// Button that drops the suggestion.
    pub reject: &'static str,
    /// Accessible name of the map.
    pub map_label: &'static str,
    /// Marks an error.
    pub error: &'static str,
    /// Marks a warning.
    pub warning: &'static str,
}

const VI: EditorTexts = EditorTexts {
    title: "Bàn làm việc của biên tập viên",
    back_to_map: "Về bản đồ",
    language: "Ngôn ngữ",
    loading: "Đang tải dữ liệu…",
    open_published: "Mở bộ dữ liệu đã xuất bản",
    open_file: "Mở tệp .geojson hoặc .csv",
    drop_hint: "hoặc kéo thả tệp vào trang",
    editing: "Đang sửa:",
    open_failed: "Không mở được tệp:",
    undo: "Hoàn tác",
    redo: "Làm lại",
    add_space: "Thêm địa điểm",
    add_hint: "Bấm vào bản đồ tại vị trí của địa điểm mới.",
    search_label: "Tìm (không cần dấu)",
    filter_all: "Tất cả",
    filter_errors: "Có lỗi",
    filter_warnings: "Chỉ có cảnh báo",
    filter_clean: "Không có vấn đề",
    filter_problems: "Vấn đề",
    filter_status: "Trạng thái",
    filter_type: "Loại",
    any: "Bất kỳ",
    column_problems: "Vấn đề",
    rows_shown: "{n} / {m} địa điểm",
    show_more: "Hiện thêm {n}",
    problems_heading: "Vấn đề ({n})",
    no_problems: "Không có vấn đề nào.",
    whole_file: "Cả tệp",
    choose_hint: "Chọn một địa điểm trong bảng hoặc trên bản đồ để sửa.",
    form_heading: "Sửa:",
    disciplines_hint: "Các mã cách nhau bởi ;",
    close_space: "Đánh dấu đã đóng cửa",
    delete_space: "Xóa (chỉ cho bản trùng)",
    delete_confirm: "Xóa hẳn địa điểm này? Chỉ xóa bản trùng lặp; địa điểm đã đóng cửa thì đánh dấu \"đã đóng cửa\".",
    save_heading: "Lưu",
    summary_added: "Thêm mới",
    summary_changed: "Đã sửa",
    summary_closed: "Đã đóng cửa",
    summary_removed: "Đã xóa",
    no_changes: "Chưa có thay đổi.",
    download_geojson: "Tải xuống spaces.geojson",
    download_csv: "Tải xuống CSV",
    confirm_errors: "Bộ dữ liệu còn {n} lỗi: bản đồ sẽ bỏ qua các địa điểm lỗi. Vẫn lưu?",
    publish_hint: "Để xuất bản: thay data/spaces.geojson trên máy chủ (hoặc commit) bằng tệp vừa tải; không cần build lại.",
    restored: "Đã khôi phục phiên làm việc chưa lưu ({n} thay đổi).",
    restore_failed: "Không khôi phục được phiên trước: tệp đã thay đổi kể từ đó.",
    reopen_file: "Phiên trước vẫn được giữ: hãy mở lại tệp để tiếp tục:",
    start_over: "Bỏ mọi thay đổi",
    start_over_confirm: "Bỏ mọi thay đổi chưa tải xuống?",
    suggestion_heading: "Đề xuất của khách",
    suggestion_paste: "Dán văn bản đề xuất (thư hoặc issue)",
    suggestion_read: "Đọc đề xuất",
    suggestion_none: "Không tìm thấy địa điểm GeoJSON nào trong văn bản.",
    suggestion_new: "Địa điểm mới:",
    suggestion_edit: "Sửa địa điểm:",
    suggestion_same: "Đề xuất không khác dữ liệu hiện có.",
    current: "Hiện tại",
    proposed: "Đề xuất",
    accept_field: "Nhận",
    accept: "Nhận các trường đã chọn",
    reject: "Từ chối",
    map_label: "Bản đồ các địa điểm",
    error: "Lỗi",
    warning: "Cảnh báo",
};

const EN: EditorTexts = EditorTexts {
    title: "Editors' workbench",
    back_to_map: "Back to the map",
    language: "Language",
    loading: "Loading the data…",
    open_published: "Open the published dataset",
    open_file: "Open a .geojson or .csv file",
    drop_hint: "or drop a file on the page",
    editing: "Editing:",
    open_failed: "The file could not be opened:",
    undo: "Undo",
    redo: "Redo",
    add_space: "Add a space",
    add_hint: "Click the map where the new space is.",
    search_label: "Search (accents optional)",
    filter_all: "All",
    filter_errors: "With errors",
    filter_warnings: "Warnings only",
    filter_clean: "No problem",
    filter_problems: "Problems",
    filter_status: "Status",
    filter_type: "Type",
    any: "Any",
    column_problems: "Problems",
    rows_shown: "{n} of {m} spaces",
    show_more: "Show {n} more",
    problems_heading: "Problems ({n})",
    no_problems: "No problems.",
    whole_file: "Whole file",
    choose_hint: "Choose a space in the table or on the map to edit it.",
    form_heading: "Editing:",
    disciplines_hint: "Codes separated by ;",
    close_space: "Mark as closed",
    delete_space: "Delete (duplicates only)",
    delete_confirm: "Delete this space for good? Only for duplicates: a space that has closed is marked \"closed\" instead.",
    save_heading: "Save",
    summary_added: "Added",
    summary_changed: "Changed",
    summary_closed: "Closed",
    summary_removed: "Deleted",
    no_changes: "No changes yet.",
    download_geojson: "Download spaces.geojson",
    download_csv: "Download the CSV",
    confirm_errors: "The dataset still has {n} errors: the map will skip the spaces concerned. Save anyway?",
    publish_hint: "To publish: replace data/spaces.geojson on the host (or commit it) with the downloaded file; no rebuild.",
    restored: "Your unsaved session was restored ({n} changes).",
    restore_failed: "The last session could not be restored: the file has changed since.",
    reopen_file: "Your last session is kept: open its file again to continue:",
    start_over: "Discard all changes",
    start_over_confirm: "Discard every change not downloaded?",
    suggestion_heading: "Visitors' suggestions",
    suggestion_paste: "Paste the suggestion's text (e-mail or issue)",
    suggestion_read: "Read the suggestion",
    suggestion_none: "No GeoJSON space was found in the text.",
    suggestion_new: "New space:",
    suggestion_edit: "Edit of:",
    suggestion_same: "The suggestion does not differ from the data.",
    current: "Now",
    proposed: "Suggested",
    accept_field: "Accept",
    accept: "Accept the ticked fields",
    reject: "Reject",
    map_label: "Map of the spaces",
    error: "Error",
    warning: "Warning",
};

/// The workbench's strings in `lang`.
#[must_use]
pub const fn editor_texts(lang: Lang) -> &'static EditorTexts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The label of a form field (see [`super::fields::form_fields`]).
#[must_use]
pub fn field_label(field: &str, lang: Lang) -> &'static str {
    let (vi, en) = match field {
        "id" => ("Mã (id)", "Id"),
        "name.vi" => ("Tên tiếng Việt", "Name in Vietnamese"),
        "name.en" => ("Tên tiếng Anh", "Name in English"),
        "lat" => ("Vĩ độ", "Latitude"),
        "lon" => ("Kinh độ", "Longitude"),
        "disciplines" => ("Lĩnh vực", "Disciplines"),
        "space_type" => ("Loại không gian", "Type of space"),
        "operator" => ("Đơn vị vận hành", "Operator"),
        "address" => ("Địa chỉ", "Address"),
        "district" => ("Quận/huyện", "District"),
        "website" => ("Trang web", "Website"),
        "phone" => ("Điện thoại", "Phone"),
        "email" => ("Thư điện tử", "E-mail"),
        "opening_hours" => ("Giờ mở cửa", "Opening hours"),
        "description.vi" => ("Mô tả tiếng Việt", "Description in Vietnamese"),
        "description.en" => ("Mô tả tiếng Anh", "Description in English"),
        "status" => ("Trạng thái", "Status"),
        "membership" => ("Thành viên mạng lưới", "Network membership"),
        "location_confidence" => ("Độ tin cậy vị trí", "Location confidence"),
        "source" => ("Nguồn", "Source"),
        "updated" => ("Ngày cập nhật", "Updated"),
        _ => ("", ""),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Fills `{n}` and `{m}` in a template.
#[must_use]
pub fn with_counts(template: &str, n: usize, m: usize) -> String {
    template.replace("{n}", &n.to_string()).replace("{m}", &m.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::editing::fields::form_fields;

    #[test]
    fn every_form_field_has_a_label_in_both_languages() {
        for field in form_fields() {
            assert!(!field_label(&field, Lang::Vi).is_empty(), "{field}");
            assert_ne!(field_label(&field, Lang::Vi), field_label(&field, Lang::En), "{field}");
        }
        assert_eq!(with_counts(editor_texts(Lang::En).rows_shown, 3, 10), "3 of 10 spaces");
    }
}
