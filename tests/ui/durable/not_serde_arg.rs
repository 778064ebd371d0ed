pub struct Point {
    pub x: i64,
    pub y: i64,
}

#[dogen::durable]
pub trait Plane {
    async fn moved(&self, to: Point) -> bool;
}

fn main() {}
