//! Types dogen cannot see are refused with their place: other crates'
//! types, std types without a mapping, names not defined in the crate.
use chrono::DateTime;

#[dogen::durable]
pub trait Foreign {
    async fn a(&self, value: serde_json::Value) -> ::uuid::Uuid;
    async fn b(&self, at: DateTime, d: std::time::Duration) -> Missing;
}
