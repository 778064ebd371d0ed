//! Methods are named by their wire names (camelCase, or `rename`);
//! parameters are camelCase, with `_` after words JavaScript reserves.
#[dogen::durable]
pub trait Naming {
    async fn get_counter_value(&self) -> i64;
    #[durable(rename = "peek")]
    async fn look_without_touching(&self) -> i64;
    async fn set(&self, new_value: i64, r#type: String, default: bool, class: u8) -> bool;
    async fn already_camel(&self, userId: u32, x2_y: u32) -> u32;
}
