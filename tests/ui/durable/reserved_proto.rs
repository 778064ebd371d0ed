#[dogen::durable]
pub trait Object {
    #[durable(rename = "__proto__")]
    async fn prototype_of(&self) -> String;
}

fn main() {}
