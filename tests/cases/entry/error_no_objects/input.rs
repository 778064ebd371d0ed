//! A crate with a trait and no `#[dogen::object]`: nothing to export.
#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}
