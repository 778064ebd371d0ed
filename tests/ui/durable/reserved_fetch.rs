#[dogen::durable]
pub trait Proxy {
    async fn fetch(&self, url: String) -> String;
}

fn main() {}
