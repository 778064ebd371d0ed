//! `Self` in a method's argument or result is an error in the macro and
//! here alike: it is whichever type implements the trait.
#[dogen::durable]
pub trait Selfish {
    async fn take(&self, other: Self) -> u32;
    async fn give(&self) -> Vec<Self>;
    async fn both(&self, x: Option<Box<Self>>) -> Result<u32, Self>;
    async fn fine(&self) -> u32;
}
