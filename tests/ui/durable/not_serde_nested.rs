pub struct Point {
    pub x: i64,
    pub y: i64,
}

// The user type inside a container is still the only suspect.
#[dogen::durable]
pub trait Plane {
    async fn visit(&self, points: Vec<Point>, steps: u32) -> Option<String>;
}

fn main() {}
