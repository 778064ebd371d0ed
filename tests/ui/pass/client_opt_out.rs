#![deny(warnings)]

// `client = false` leaves nothing unused behind (the golden case
// `cases/expand/client_opt_out` calls its server); `client = true` is the
// default, written out.
#[dogen::durable(client = false)]
pub trait Served {
    async fn add(&self, a: i64, b: i64) -> i64;
}

#[dogen::durable(binding = "BOTH", client = true)]
pub trait Both {
    async fn get(&self) -> u32;
}

fn main() {
    let _ = ServedServer(());
    assert_eq!(BothClient::<()>::BINDING, "BOTH");
}
