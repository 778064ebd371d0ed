#![deny(warnings)]

#[dogen::durable(binding = "CARTS", class = "CartObject")]
pub trait ShoppingCart {
    async fn add(&self, item: String);
}

fn main() {
    assert_eq!(ShoppingCartClient::<()>::BINDING, "CARTS");
    assert_eq!(ShoppingCartClient::<()>::CLASS, "CartObject");
}
