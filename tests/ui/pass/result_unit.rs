#![deny(warnings)]

use dogen::CallError;
use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub enum Denied {
    Locked,
}

#[dogen::durable]
pub trait Door {
    async fn open(&self, key: u32) -> Result<(), Denied>;
}

struct Vault;

impl Door for Vault {
    async fn open(&self, key: u32) -> Result<(), Denied> {
        if key == 7 { Ok(()) } else { Err(Denied::Locked) }
    }
}

fn main() {
    futures_executor::block_on(async {
        let client = DoorClient::in_process(Box::new(Vault));
        assert_eq!(client.open(7).await, Ok(()));
        assert_eq!(client.open(1).await, Err(CallError::App(Denied::Locked)));
    });
}
