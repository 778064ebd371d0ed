#![deny(warnings)]

// `#[dogen::object]` natively: the struct is left as it is and the link to
// the trait is type-checked (the RPC export itself exists only on wasm32
// with the `worker` feature).

#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

pub struct Logic(std::cell::Cell<i64>);

impl Counter for Logic {
    async fn increment(&self, amount: i64) -> i64 {
        self.0.set(self.0.get() + amount);
        self.0.get()
    }
}

#[dogen::object(Counter, field = logic)]
pub struct CounterObject {
    logic: Logic,
}

#[dogen::object(crate::Counter)]
pub struct Direct(Logic);

impl Counter for Direct {
    async fn increment(&self, amount: i64) -> i64 {
        self.0.increment(amount).await
    }
}

fn main() {
    let object = CounterObject { logic: Logic(0.into()) };
    let direct = Direct(Logic(1.into()));
    futures_executor::block_on(async {
        assert_eq!(CounterClient::in_process(&object.logic).increment(2).await.unwrap(), 2);
        assert_eq!(CounterClient::in_process(&direct).increment(2).await.unwrap(), 3);
    });
}
