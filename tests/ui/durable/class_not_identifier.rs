#[dogen::durable(class = "1Counter")]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
