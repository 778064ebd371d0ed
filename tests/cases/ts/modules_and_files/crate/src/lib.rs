//! A crate spread over files: `mod foo;` finds `foo.rs` or `foo/mod.rs`,
//! `#[path]` finds any file, inline modules nest, and names resolve by
//! their last segment (`crate::`, `self::` and `super::` paths included).
mod api;
mod model;
#[path = "elsewhere/custom.rs"]
mod custom;

pub mod inline {
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize)]
    pub struct Coordinates {
        pub lat: f64,
        pub lon: f64,
        pub place: super::custom::Place,
    }

    pub mod deeper;
}

#[cfg(feature = "never")]
mod not_there;
