//! An object serving a trait the crate does not declare.
#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

#[dogen::object(Countr)]
pub struct CounterObject {}
