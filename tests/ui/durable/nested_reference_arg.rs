#[dogen::durable]
pub trait Names {
    async fn maybe(&self, name: Option<&str>) -> u32;
    async fn many(&self, names: &[&str]) -> u32;
}

fn main() {}
