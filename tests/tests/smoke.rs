use std::cell::Cell;

use dogen::{CallError, ProtocolErrorKind};
use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub enum CounterError {
    Overflow,
}

/// A counter.
#[dogen::durable]
pub trait Counter {
    /// Adds `amount`.
    async fn increment(&self, amount: i64) -> i64;
    async fn reset(&self) -> Result<(), CounterError>;
    #[durable(rename = "peek")]
    async fn get_counter_value(&self) -> i64;
    async fn label(&self, name: &str, tags: &[String]) -> String;
}

#[derive(Default)]
struct Memory(Cell<i64>);

impl Counter for Memory {
    async fn increment(&self, amount: i64) -> i64 {
        self.0.set(self.0.get() + amount);
        self.0.get()
    }
    async fn reset(&self) -> Result<(), CounterError> {
        if self.0.get() > 100 {
            return Err(CounterError::Overflow);
        }
        self.0.set(0);
        Ok(())
    }
    async fn get_counter_value(&self) -> i64 {
        self.0.get()
    }
    async fn label(&self, name: &str, tags: &[String]) -> String {
        format!("{name}:{}", tags.join(","))
    }
}

#[test]
fn calls_round_trip() {
    futures_executor::block_on(async {
        let client = CounterClient::in_process(Box::new(Memory::default()));
        assert_eq!(client.increment(5).await.unwrap(), 5);
        assert_eq!(client.increment(200).await.unwrap(), 205);
        assert_eq!(client.get_counter_value().await.unwrap(), 205);
        assert_eq!(client.reset().await, Err(CallError::App(CounterError::Overflow)));
        assert_eq!(client.label("a", &["x".into(), "y".into()]).await.unwrap(), "a:x,y");
        assert_eq!(CounterClient::<()>::BINDING, "COUNTER");
        let server = client.transport().server();
        let err =
            dogen::Dispatch::<dogen::Json>::dispatch(server, "increment", &b"[\"x\"]".to_vec()).await.unwrap_err();
        assert_eq!(err.kind, ProtocolErrorKind::BadArguments);
    });
}
