//! Two objects for one class, and a `field` the struct does not have.
#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

#[dogen::object(Counter)]
pub struct First {}

#[dogen::object(Counter, field = inner)]
pub struct Second {
    other: u32,
}
