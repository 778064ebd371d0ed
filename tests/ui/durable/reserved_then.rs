#[dogen::durable]
pub trait Pipeline {
    async fn then(&self, step: String);
}

fn main() {}
