//! ordered-float 5 with `serde`: `OrderedFloat<T>` and `NotNan<T>` are
//! their float, a number.
use ordered_float::{NotNan, OrderedFloat};
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait OrderedFloatValues {
    async fn rank(&self, score: OrderedFloat<f64>) -> Ranked;
}

#[derive(Serialize, Deserialize)]
pub struct Ranked {
    pub score: OrderedFloat<f64>,
    pub weight: NotNan<f32>,
}
