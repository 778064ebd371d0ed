// Two methods return the same type, which is not `Serialize`: they share
// the server's encoding, whose error is given once, at the first of them;
// the client's decoding is per method.
pub struct Point {
    pub x: i64,
    pub y: i64,
}

#[dogen::durable]
pub trait Plane {
    async fn origin(&self) -> Point;
    async fn count(&self) -> i64;
    async fn center(&self) -> Point;
}

fn main() {}
