use crate::model::order::Order;

pub mod v1;

/// The shop.
#[dogen::durable]
pub trait Shop {
    async fn order(&self, order: Order) -> crate::model::Receipt;
    async fn locate(&self, at: crate::inline::Coordinates) -> v1::Status;
    async fn deep(&self) -> crate::inline::deeper::Deep;
}
