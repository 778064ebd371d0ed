#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

// Checked natively too: the struct must implement the trait it serves.
#[dogen::object(Counter)]
pub struct CounterObject {
    count: i64,
}

fn main() {}
