//! `client = false`: the server alone, no client.

#[dogen::durable(client = false)]
pub trait Served {
    async fn add(&self, a: i64, b: i64) -> i64;
}

struct Adder;

impl Served for Adder {
    async fn add(&self, a: i64, b: i64) -> i64 {
        a + b
    }
}

fn main() {
    let server = ServedServer(&Adder);
    let reply = futures_executor::block_on(dogen::Dispatch::<dogen::Json>::dispatch(&server, "add", &b"[2,3]".to_vec()));
    assert!(matches!(reply, Ok(dogen::Reply::Ok(ref body)) if body == b"5"), "{reply:?}");
}
