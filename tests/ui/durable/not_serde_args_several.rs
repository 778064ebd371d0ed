pub struct Point {
    pub x: i64,
    pub y: i64,
}

pub struct Path;

// With two user types in one call, the compiler cannot tell which bound
// failed at which type; the error points at the method.
#[dogen::durable]
pub trait Plane {
    async fn walk(&self, from: Point, steps: u32, path: Path) -> bool;
}

fn main() {}
