#![deny(warnings)]

use dogen::{Dispatch, Json};

#[dogen::durable]
pub trait Counter {
    #[durable(rename = "peek")]
    async fn get_counter_value(&self) -> i64;
    async fn add_many(&self, amounts: Vec<i64>) -> i64;
    #[durable(rename = "$reset_all")]
    async fn reset(&self);
}

struct Fixed;

impl Counter for Fixed {
    async fn get_counter_value(&self) -> i64 {
        7
    }
    async fn add_many(&self, amounts: Vec<i64>) -> i64 {
        amounts.iter().sum()
    }
    async fn reset(&self) {}
}

fn main() {
    assert_eq!(<CounterServer<Box<Fixed>> as Dispatch<Json>>::METHODS, ["peek", "addMany", "$reset_all"]);
    futures_executor::block_on(async {
        // The Rust name stays the client's method name; the wire name is
        // what travels.
        let client = CounterClient::in_process(Box::new(Fixed));
        assert_eq!(client.get_counter_value().await.unwrap(), 7);
        assert_eq!(client.add_many(vec![1, 2]).await.unwrap(), 3);
        client.reset().await.unwrap();
        let server = CounterServer(Box::new(Fixed));
        assert!(Dispatch::<Json>::dispatch(&server, "peek", &b"[]".to_vec()).await.is_ok());
        assert!(Dispatch::<Json>::dispatch(&server, "getCounterValue", &b"[]".to_vec()).await.is_err());
    });
}
