//! `use` renames resolve as rustc resolves them: a type named `Outer`
//! through `pub use model::shapes::Circle as Outer;` reaches `Circle`, and
//! TypeScript names it too, as an alias: `export type Outer = Circle;`.
//! Generic types keep their parameters and defaults.
use serde::{Deserialize, Serialize};

mod model;

pub use model::shapes::Circle as Outer;
pub use model::shapes::Page as Paged;
use model::shapes::Square;

mod api {
    use crate::model::shapes::Circle as Round;
    use super::Outer;

    #[dogen::durable]
    pub trait UseRenames {
        async fn outer(&self, circle: Outer) -> Round;
        async fn paged(&self, page: crate::Paged<u32>, default: super::Paged) -> super::Square;
        async fn through_module(&self, item: crate::model::Reexported) -> Vec<super::Plain>;
    }
}

#[derive(Serialize, Deserialize)]
pub struct Plain {
    pub square: Square,
}
