#[dogen::durable]
pub trait Log {
    async fn fill(&self, lines: &mut Vec<String>);
}

fn main() {}
