#[dogen::durable]
pub trait Selfish {
    async fn take(&self, other: Self) -> u32;
    async fn give(&self) -> Vec<Self>;
    async fn error(&self) -> Result<u32, Option<Box<Self>>>;
}

fn main() {}
