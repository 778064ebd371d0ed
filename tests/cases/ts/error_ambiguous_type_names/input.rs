//! Two types with one name in different modules: a bare name is
//! ambiguous; a path from `crate::` picks one.
#[dogen::durable]
pub trait Ambiguity {
    async fn a(&self, x: Config) -> crate::one::Config;
}

pub mod one {
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Config {
        pub a: u8,
    }
}

pub mod two {
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Config {
        pub b: u8,
    }
}
