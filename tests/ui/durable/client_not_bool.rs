#[dogen::durable(client = "no")]
pub trait Served {
    async fn get(&self) -> u32;
}

#[dogen::durable(client)]
pub trait Other {
    async fn get(&self) -> u32;
}

#[dogen::durable(client = false, client = true)]
pub trait Twice {
    async fn get(&self) -> u32;
}

fn main() {}
