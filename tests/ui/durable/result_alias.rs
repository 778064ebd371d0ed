type Result<T> = std::result::Result<T, String>;

#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> Result<i64>;
}

fn main() {}
