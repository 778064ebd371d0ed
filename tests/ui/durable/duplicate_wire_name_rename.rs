#[dogen::durable]
pub trait Counter {
    async fn peek(&self) -> i64;
    #[durable(rename = "peek")]
    async fn get_counter_value(&self) -> i64;
}

fn main() {}
