//! Types dogen cannot see are refused with their place, the reason and the
//! way out: types of crates dogen has no mapping for (however they are
//! named), std types without a serde form dogen knows, names not defined in
//! the crate.
use geo::Point as Location;
use other_crate::*;

#[dogen::durable]
pub trait Foreign {
    async fn a(&self, value: other_crate::Thing) -> ::geo::Polygon;
    async fn b(&self, at: Location, d: std::time::Instant) -> Missing;
    async fn c(&self, globbed: Globbed);
}
