//! A method without a result (or returning `()`) resolves to `void`.

#[dogen::durable]
pub trait Voids {
    async fn fire(&self);
    async fn explicit(&self) -> ();
}
