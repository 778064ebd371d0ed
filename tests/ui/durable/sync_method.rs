#[dogen::durable]
pub trait Counter {
    fn increment(&self, amount: i64) -> i64;
}

fn main() {}
