#[dogen::durable]
pub trait Names {
    async fn all(&self) -> Vec<&'static str>;
}

fn main() {}
