#[dogen::durable]
pub trait Conditional {
    #[cfg(any())]
    async fn extra(&self) -> u32;
    #[cfg_attr(all(), durable(rename = "other"))]
    async fn renamed(&self) -> u32;
    async fn argument(&self, #[cfg(all())] flag: bool) -> u32;
}

fn main() {}
