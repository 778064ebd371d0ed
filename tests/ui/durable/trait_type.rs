#[dogen::durable]
pub trait Counter {
    type Value;
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
