#![deny(warnings)]

// Raw identifiers are their plain names on the wire: `r#match` is `match`,
// `r#Type` binds as `TYPE`.

use dogen::{Dispatch, Json};

#[dogen::durable]
pub trait r#Type {
    async fn r#match(&self, pattern: String) -> bool;
    async fn r#loop_count(&self) -> u32;
}

struct Fixed;

impl r#Type for Fixed {
    async fn r#match(&self, pattern: String) -> bool {
        pattern == "a"
    }
    async fn loop_count(&self) -> u32 {
        3
    }
}

fn main() {
    assert_eq!(<TypeServer<Box<Fixed>> as Dispatch<Json>>::METHODS, ["match", "loopCount"]);
    assert_eq!(TypeClient::<()>::BINDING, "TYPE");
    assert_eq!(TypeClient::<()>::CLASS, "Type");
    futures_executor::block_on(async {
        let client = TypeClient::in_process(Box::new(Fixed));
        assert!(client.r#match("a".into()).await.unwrap());
        assert_eq!(client.loop_count().await.unwrap(), 3);
    });
}
