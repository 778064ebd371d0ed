//! The canonical counter: a doc-commented method, a `Result` with a typed
//! error, a renamed method and an explicit binding.

use std::cell::Cell;

use serde::{Deserialize, Serialize};

/// Why a counter refused to reset.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub enum CounterError {
    /// The counter is over its limit.
    Overflow { value: i64 },
}

/// A counter shared by every caller that names it.
#[dogen::durable(binding = "COUNTER")]
pub trait Counter {
    /// Adds `amount` and returns the new value.
    async fn increment(&self, amount: i64) -> i64;
    async fn reset(&self) -> Result<(), CounterError>;
    #[durable(rename = "peek")]
    async fn get_counter_value(&self) -> i64;
}

#[derive(Default)]
struct Memory(Cell<i64>);

impl Counter for Memory {
    async fn increment(&self, amount: i64) -> i64 {
        self.0.set(self.0.get() + amount);
        self.0.get()
    }

    async fn reset(&self) -> Result<(), CounterError> {
        match self.0.get() {
            value if value > 100 => Err(CounterError::Overflow { value }),
            _ => {
                self.0.set(0);
                Ok(())
            }
        }
    }

    async fn get_counter_value(&self) -> i64 {
        self.0.get()
    }
}

fn main() {
    futures_executor::block_on(async {
        let counter = CounterClient::in_process(Box::new(Memory::default()));
        expect(counter.increment(5).await, Ok(5));
        expect(counter.increment(-2).await, Ok(3));
        expect(counter.get_counter_value().await, Ok(3));
        expect(counter.reset().await, Ok(()));
        expect(counter.increment(101).await, Ok(101));
        expect(counter.reset().await, Err(dogen::CallError::App(CounterError::Overflow { value: 101 })));
        expect(<CounterServer<&Memory> as dogen::Dispatch<dogen::Json>>::METHODS, &["increment", "reset", "peek"][..]);
        expect(CounterClient::<()>::BINDING, "COUNTER");
        expect(CounterClient::<()>::CLASS, "Counter");
    });
}

/// Panics unless `actual` is `expected` (a function, so the golden file
/// stays readable: macro bodies are not formatted).
#[track_caller]
fn expect<T: PartialEq + std::fmt::Debug>(actual: T, expected: T) {
    assert_eq!(actual, expected);
}
