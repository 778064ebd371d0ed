//! `#[cfg]` and `#[cfg_attr]` on a method (or an argument) of a
//! `#[durable]` trait are errors, in the macro and here alike: the
//! TypeScript, the RPC entry and the clients would disagree with the build.
#[dogen::durable]
pub trait Conditional {
    #[cfg(feature = "extra")]
    async fn extra(&self) -> u32;
    #[cfg_attr(feature = "extra", durable(rename = "other"))]
    async fn renamed(&self) -> u32;
    async fn argument(&self, #[cfg(feature = "extra")] flag: bool) -> u32;
    async fn fine(&self) -> u32;
}
