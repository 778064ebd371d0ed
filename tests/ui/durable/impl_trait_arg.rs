#[dogen::durable]
pub trait Log {
    async fn write(&self, line: impl std::fmt::Display);
}

fn main() {}
