//! Every type in `index.ts` needs its own name: two reachable types with
//! one name, a type named like a trait, and types or traits with names the
//! generated code uses itself are refused.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Clashes {
    async fn go(&self, a: crate::a::Item, b: crate::b::Item, c: Promise, d: crate::c::Clashes) -> DurableResult;
}

#[dogen::durable]
pub trait DogenFetcher {}

pub mod a {
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Item;
}

pub mod b {
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Item;
}

pub mod c {
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Clashes;
}

#[derive(Serialize, Deserialize)]
pub struct Promise;

#[derive(Serialize, Deserialize)]
pub struct DurableResult;
