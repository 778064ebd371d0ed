#[dogen::durable]
pub trait Counter
where
    Self: Sized,
{
    async fn increment(&self, amount: i64) -> i64;
}

fn main() {}
