#![deny(warnings)]

// `sqlite = false` only changes the migration `dogen wrangler` writes: the
// generated server and client are the same.
#[dogen::durable(sqlite = false)]
pub trait Legacy {
    async fn get(&self) -> u32;
}

#[dogen::durable(binding = "MODERN", sqlite = true)]
pub trait Modern {
    async fn get(&self) -> u32;
}

fn main() {
    assert_eq!(LegacyClient::<()>::CLASS, "Legacy");
    assert_eq!(ModernClient::<()>::BINDING, "MODERN");
}
