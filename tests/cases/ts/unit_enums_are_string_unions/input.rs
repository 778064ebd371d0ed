//! An enum of unit variants is a union of string literals.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Lights {
    async fn set(&self, state: State) -> State;
    async fn only(&self, one: OneOnly) -> OneOnly;
}

#[derive(Serialize, Deserialize)]
pub enum State {
    Off,
    On,
    Blinking,
}

#[derive(Serialize, Deserialize)]
pub enum OneOnly {
    Alone,
}
