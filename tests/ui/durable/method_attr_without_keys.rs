#[dogen::durable]
pub trait Counter {
    #[durable]
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
