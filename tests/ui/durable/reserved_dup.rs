#[dogen::durable]
pub trait Cell {
    async fn dup(&self) -> u32;
}

fn main() {}
