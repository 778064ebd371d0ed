#[dogen::durable]
pub trait Counter {
    async fn increment<T>(&self, amount: T) -> i64;
}

fn main() {}
