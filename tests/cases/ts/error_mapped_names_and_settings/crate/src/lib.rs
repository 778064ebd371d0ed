//! Mistakes in the mapping tables are errors at their place in Cargo.toml;
//! a type dogen maps whose serde form has no honest type under the crate's
//! features is refused; a crate type named like a type dogen writes itself
//! clashes with it.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait MappedNames {
    async fn order(&self, order: Order) -> Duration;
}

#[derive(Serialize, Deserialize)]
pub struct Order {
    pub price: rust_decimal::Decimal,
    pub wait: std::time::Duration,
}

/// The crate's own `Duration`.
#[derive(Serialize, Deserialize)]
pub struct Duration {
    pub minutes: u32,
}
