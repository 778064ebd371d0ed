#![deny(warnings)]

// JavaScript reserved words are valid property names (`stub.delete()`,
// `env.default`), so methods and bindings may use them; classes may not.

use dogen::{Dispatch, Json};

#[dogen::durable(binding = "default")]
pub trait Store {
    #[durable(rename = "delete")]
    async fn remove(&self, key: String) -> bool;
    #[durable(rename = "new")]
    async fn create(&self) -> u32;
}

struct Fixed;

impl Store for Fixed {
    async fn remove(&self, key: String) -> bool {
        key == "a"
    }
    async fn create(&self) -> u32 {
        1
    }
}

fn main() {
    assert_eq!(<StoreServer<Box<Fixed>> as Dispatch<Json>>::METHODS, ["delete", "new"]);
    assert_eq!(StoreClient::<()>::BINDING, "default");
    futures_executor::block_on(async {
        let client = StoreClient::in_process(Box::new(Fixed));
        assert!(client.remove("a".into()).await.unwrap());
        assert_eq!(client.create().await.unwrap(), 1);
    });
}
