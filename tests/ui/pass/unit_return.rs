#![deny(warnings)]

use std::cell::Cell;

#[dogen::durable]
pub trait Switch {
    async fn on(&self);
    async fn off(&self) -> ();
    async fn is_on(&self) -> bool;
}

#[derive(Default)]
struct Lamp(Cell<bool>);

impl Switch for Lamp {
    async fn on(&self) {
        self.0.set(true);
    }
    async fn off(&self) -> () {
        self.0.set(false);
    }
    async fn is_on(&self) -> bool {
        self.0.get()
    }
}

fn main() {
    futures_executor::block_on(async {
        let client = SwitchClient::in_process(Box::new(Lamp::default()));
        let () = client.on().await.unwrap();
        assert!(client.is_on().await.unwrap());
        let () = client.off().await.unwrap();
        assert!(!client.is_on().await.unwrap());
    });
}
