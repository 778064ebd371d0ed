#![deny(warnings)]

use dogen::{Dispatch, Json};

#[dogen::durable]
pub trait Clock {
    async fn now(&self) -> u64;
    async fn tick(&self);
}

struct Fixed;

impl Clock for Fixed {
    async fn now(&self) -> u64 {
        42
    }
    async fn tick(&self) {}
}

fn main() {
    futures_executor::block_on(async {
        let client = ClockClient::in_process(Box::new(Fixed));
        assert_eq!(client.now().await.unwrap(), 42);
        client.tick().await.unwrap();
        // No arguments travel as an empty sequence; anything else is refused.
        let server = ClockServer(Box::new(Fixed));
        assert!(Dispatch::<Json>::dispatch(&server, "now", &b"[]".to_vec()).await.is_ok());
        assert!(Dispatch::<Json>::dispatch(&server, "now", &b"[1]".to_vec()).await.is_err());
    });
}
