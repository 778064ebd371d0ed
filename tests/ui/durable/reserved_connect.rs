#[dogen::durable]
pub trait Socket {
    async fn connect(&self, address: String) -> bool;
}

fn main() {}
