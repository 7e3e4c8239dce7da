//! What goes in and out of the map: the URL state, downloads and the editors' CSV, printing,
//! visitors' suggestions and favourites kept on the device.

pub mod csv_format;
pub mod export;
pub mod favourites;
pub mod print;
pub mod suggestion;
pub mod url_state;
