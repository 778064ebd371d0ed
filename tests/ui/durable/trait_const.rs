#[dogen::durable]
pub trait Counter {
    const START: i64 = 0;
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
