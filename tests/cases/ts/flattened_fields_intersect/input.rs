//! `#[serde(flatten)]` merges a struct's or enum's keys into the object:
//! an intersection.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Pages {
    async fn get(&self, query: Query) -> Page;
}

#[derive(Serialize, Deserialize)]
pub struct Query {
    #[serde(flatten)]
    pub paging: Paging,
}

#[derive(Serialize, Deserialize)]
pub struct Page {
    pub items: Vec<String>,
    #[serde(flatten)]
    pub paging: Paging,
    #[serde(flatten)]
    pub sort: Sort,
}

#[derive(Serialize, Deserialize)]
pub struct Paging {
    pub offset: u32,
    pub limit: Option<u32>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "sort", rename_all = "lowercase")]
pub enum Sort {
    Newest,
    Name { descending: bool },
}
