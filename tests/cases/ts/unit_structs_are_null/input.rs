//! A unit struct is written as `null`.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Markers {
    async fn mark(&self, marker: Marker) -> Vec<Marker>;
}

/// Nothing but itself.
#[derive(Serialize, Deserialize)]
pub struct Marker;
