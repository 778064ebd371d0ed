#[dogen::durable]
pub trait Factory {
    #[durable(rename = "constructor")]
    async fn make(&self) -> u32;
}

fn main() {}
