#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

#[dogen::object(Counter)]
pub enum CounterObject {
    A,
}

fn main() {}
