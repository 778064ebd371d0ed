#[dogen::durable]
pub trait Counter<T> {
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
