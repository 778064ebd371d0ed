#[dogen::durable]
pub trait Point {
    async fn get_x(&self) -> i64;
    #[allow(non_snake_case)]
    async fn getX(&self) -> i64;
}

fn main() {}
