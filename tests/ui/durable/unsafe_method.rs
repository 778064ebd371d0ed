#[dogen::durable]
pub trait Counter {
    async unsafe fn increment(&self, amount: i64) -> i64;
}

fn main() {}
