//! Generic structs and enums are generic in TypeScript, defaults included;
//! `Self` names the type with its own parameters.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Listings {
    async fn page(&self, cursor: Option<String>) -> Page<Listing>;
    async fn pair(&self, p: Pair<u8, String>) -> Pair<bool>;
    async fn either(&self, e: Either<u8, String>) -> Tree<String>;
}

#[derive(Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct Pair<A, B = String> {
    pub first: A,
    pub second: B,
}

#[derive(Serialize, Deserialize)]
pub enum Either<L, R> {
    Left(L),
    Right(R),
}

#[derive(Serialize, Deserialize)]
pub struct Tree<T> {
    pub value: T,
    pub children: Vec<Self>,
}

#[derive(Serialize, Deserialize)]
pub struct Listing {
    pub title: String,
}
