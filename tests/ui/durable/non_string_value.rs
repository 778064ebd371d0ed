#[dogen::durable(binding = COUNTER)]
pub trait Counter {
    #[durable(rename = 1)]
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
