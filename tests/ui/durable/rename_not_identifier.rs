#[dogen::durable]
pub trait Counter {
    #[durable(rename = "get-value")]
    async fn get_value(&self) -> i64;
}

fn main() {}
