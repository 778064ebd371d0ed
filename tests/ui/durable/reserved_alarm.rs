#[dogen::durable]
pub trait Timer {
    async fn alarm(&self, at: u64);
}

fn main() {}
