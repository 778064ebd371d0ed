#![deny(warnings)]

#[dogen::durable]
trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

struct Fixed;

impl Counter for Fixed {
    async fn increment(&self, amount: i64) -> i64 {
        amount + 1
    }
}

fn main() {
    futures_executor::block_on(async {
        let client = CounterClient::in_process(Box::new(Fixed));
        assert_eq!(client.increment(1).await.unwrap(), 2);
    });
}
