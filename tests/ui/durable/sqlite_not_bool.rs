#[dogen::durable(sqlite = "no")]
pub trait Legacy {
    async fn get(&self) -> u32;
}

#[dogen::durable(sqlite)]
pub trait Other {
    async fn get(&self) -> u32;
}

#[dogen::durable(sqlite = false, sqlite = true)]
pub trait Twice {
    async fn get(&self) -> u32;
}

fn main() {}
