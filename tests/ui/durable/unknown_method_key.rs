#[dogen::durable]
pub trait Counter {
    #[durable(name = "add")]
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
