#![deny(warnings)]

// `client = false` leaves the typed client out; the server is whole, and
// answers calls as it does with the client.
use dogen::{Dispatch, Json, Reply};

#[dogen::durable(client = false)]
pub trait Served {
    async fn add(&self, a: i64, b: i64) -> i64;
}

#[dogen::durable(binding = "BOTH", client = true)]
pub trait Both {
    async fn get(&self) -> u32;
}

struct Adder;

impl Served for Adder {
    async fn add(&self, a: i64, b: i64) -> i64 {
        a + b
    }
}

fn main() {
    let server = ServedServer(&Adder);
    let reply = futures_executor::block_on(Dispatch::<Json>::dispatch(&server, "add", &b"[2,3]".to_vec()));
    assert!(matches!(reply, Ok(Reply::Ok(ref body)) if body == b"5"), "{reply:?}");
    assert_eq!(<ServedServer<&Adder> as Dispatch<Json>>::METHODS, &["add"][..]);
    assert_eq!(BothClient::<()>::BINDING, "BOTH");
}
