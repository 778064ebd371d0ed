//! Traits go through the same parse and validation as the proc-macro: the
//! same mistakes, the same messages.
#[dogen::durable]
pub trait Mistakes {
    fn not_async(&self) -> u8;
    async fn fetch(&self);
    async fn by_value(self);
}
