#![deny(warnings)]

#[dogen::durable]
pub trait ShoppingCart {
    async fn add(&self, item: String);
}

fn main() {
    assert_eq!(ShoppingCartClient::<()>::BINDING, "SHOPPING_CART");
    assert_eq!(ShoppingCartClient::<()>::CLASS, "ShoppingCart");
}
