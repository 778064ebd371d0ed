//! A type the project maps itself (`[package.metadata.dogen.types]`) is
//! locked with its TypeScript type: a changed mapping is a breaking change,
//! since dogen cannot tell whether the values still fit.
#[dogen::durable]
pub trait Prices {
    async fn price(&self) -> Money;
}

pub struct Money(pub i64);
