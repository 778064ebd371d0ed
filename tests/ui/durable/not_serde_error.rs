pub struct Failure;

#[dogen::durable]
pub trait Plane {
    async fn origin(&self) -> Result<i64, Failure>;
}

fn main() {}
