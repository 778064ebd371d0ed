#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

#[dogen::object(Counter, field = counter)]
pub struct CounterObject {
    count: i64,
}

fn main() {}
