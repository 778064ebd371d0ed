#[dogen::durable]
pub trait Names {
    async fn first(&self) -> &str;
}

fn main() {}
