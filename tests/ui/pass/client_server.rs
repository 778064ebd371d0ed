#![deny(warnings)]

use std::cell::Cell;
use std::rc::Rc;

use dogen::{CallError, Dispatch, Json, ProtocolErrorKind};
use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub enum CounterError {
    Overflow { limit: i64 },
}

#[dogen::durable(binding = "COUNTER")]
pub trait Counter {
    async fn increment(&self, amount: i64) -> Result<i64, CounterError>;
    #[durable(rename = "peek")]
    async fn get_counter_value(&self) -> i64;
}

#[derive(Default)]
struct Memory(Cell<i64>);

impl Counter for Memory {
    async fn increment(&self, amount: i64) -> Result<i64, CounterError> {
        let next = self.0.get() + amount;
        if next > 10 {
            return Err(CounterError::Overflow { limit: 10 });
        }
        self.0.set(next);
        Ok(next)
    }
    async fn get_counter_value(&self) -> i64 {
        self.0.get()
    }
}

fn main() {
    futures_executor::block_on(async {
        // The client over an in-process transport...
        let shared = Rc::new(Memory::default());
        let client = CounterClient::in_process(Rc::clone(&shared));
        assert_eq!(client.increment(4).await, Ok(4));
        assert_eq!(client.increment(7).await, Err(CallError::App(CounterError::Overflow { limit: 10 })));
        assert_eq!(client.get_counter_value().await, Ok(4));
        assert_eq!(shared.0.get(), 4);

        // ...and the server, called by wire name.
        let server = CounterServer(&*shared);
        let reply = Dispatch::<Json>::dispatch(&server, "peek", &b"[]".to_vec()).await.unwrap();
        assert_eq!(reply, dogen::Reply::Ok(b"4".to_vec()));
        let error = Dispatch::<Json>::dispatch(&server, "getCounterValue", &b"[]".to_vec()).await.unwrap_err();
        assert_eq!(error.kind, ProtocolErrorKind::UnknownMethod);
        assert_eq!(<CounterServer<&Memory> as Dispatch<Json>>::METHODS, ["increment", "peek"]);
    });
}
