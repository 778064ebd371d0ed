#[dogen::durable]
pub trait Counter {
    #[durable(rename = "add")]
    #[durable(rename = "plus")]
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
