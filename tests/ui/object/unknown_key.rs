#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

#[dogen::object(Counter, feld = counter)]
pub struct CounterObject {}

fn main() {}
