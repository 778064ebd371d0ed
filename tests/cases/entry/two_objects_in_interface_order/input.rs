//! Two objects: classes come in the order the traits are declared, whatever
//! the order of the structs.
#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> i64;
}

#[dogen::durable(class = "ChatRoom")]
pub trait Room {
    async fn post(&self, text: String) -> u64;
}

#[dogen::object(Room)]
pub struct RoomObject {}

#[dogen::object(crate::Counter)]
pub struct CounterObject {}
