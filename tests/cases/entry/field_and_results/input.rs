//! An object whose field implements the trait: methods that cannot fail
//! resolve to their value, `Result` methods to `{ ok, value | error }`.
//! Doc comments become the class's JSDoc.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub enum LimitError {
    Full,
}

/// A rate limiter.
///
/// One per tenant.
#[dogen::durable(binding = "LIMITER", class = "RateLimiter")]
pub trait Limits {
    async fn acquire(&self, key: String) -> Result<u32, LimitError>;
    async fn peek(&self) -> u32;
    #[durable(rename = "resetAll")]
    async fn reset(&self);
}

#[dogen::object(Limits, field = limiter)]
#[durable_object]
pub struct LimiterObject {
    limiter: Limiter,
}
