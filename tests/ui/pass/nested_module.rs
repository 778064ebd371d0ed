#![deny(warnings)]

mod objects {
    pub mod counter {
        #[dogen::durable(binding = "COUNTER")]
        pub trait Counter {
            async fn increment(&self, amount: i64) -> i64;
        }
    }
}

use objects::counter::{Counter, CounterClient};

struct Fixed;

impl Counter for Fixed {
    async fn increment(&self, amount: i64) -> i64 {
        amount * 2
    }
}

fn main() {
    futures_executor::block_on(async {
        let client = CounterClient::in_process(Box::new(Fixed));
        assert_eq!(client.increment(4).await.unwrap(), 8);
        assert_eq!(objects::counter::CounterClient::<()>::BINDING, "COUNTER");
    });
}
