#[dogen::durable]
pub trait Counter {
    async fn increment(self: &Self, amount: i64) -> i64;
}

fn main() {}
