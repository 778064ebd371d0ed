//! `client = false`: the server alone, no client. It answers calls as it
//! does beside a client.

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
    expect(reply.ok(), Some(dogen::Reply::Ok(b"5".to_vec())));
    expect(<ServedServer<&Adder> as dogen::Dispatch<dogen::Json>>::METHODS, &["add"][..]);
}

/// Panics unless `actual` is `expected` (a function, so the golden file
/// stays readable: macro bodies are not formatted).
#[track_caller]
fn expect<T: PartialEq + std::fmt::Debug>(actual: T, expected: T) {
    assert_eq!(actual, expected);
}
