#[dogen::durable]
pub trait Counter {
    async fn create(amount: i64) -> i64;
}

fn main() {}
