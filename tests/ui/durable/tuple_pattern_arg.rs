#[dogen::durable]
pub trait Plane {
    async fn distance(&self, (x, y): (f64, f64)) -> f64;
}

fn main() {}
