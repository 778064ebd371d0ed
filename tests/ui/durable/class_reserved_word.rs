#[dogen::durable(class = "default")]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
