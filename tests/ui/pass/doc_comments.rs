#![deny(warnings)]
#![deny(missing_docs)]
//! Generated items carry docs, so `missing_docs` stays quiet.

/// A counter.
///
/// Shared by every caller that names it.
#[dogen::durable]
pub trait Counter {
    /// Adds `amount` and returns the new value.
    ///
    /// ```text
    /// increment(2) == 2
    /// ```
    async fn increment(&self, amount: i64) -> i64;
    /** Block comments count too. */
    #[durable(rename = "peek")]
    async fn value(&self) -> i64;
}

fn main() {}
