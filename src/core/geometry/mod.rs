//! Positions on the Earth and on the screen: distances, projection and clustering.

pub mod cluster;
pub mod geo;
pub mod trig;
