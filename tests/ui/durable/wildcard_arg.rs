#[dogen::durable]
pub trait Counter {
    async fn increment(&self, _: i64) -> i64;
}

fn main() {}
