//! `Box`, `Rc`, `Arc`, `Cow` and references are written as what they hold.
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

#[dogen::durable]
pub trait Pointers {
    async fn hold(&self, a: Box<u32>, b: Rc<String>, c: Arc<[u8]>, d: Cow<'static, str>) -> Box<str>;
    async fn node(&self, n: Node) -> Arc<Node>;
}

#[derive(Serialize, Deserialize)]
pub struct Node {
    pub label: Rc<str>,
    pub next: Option<Box<Node>>,
    pub shared: Vec<Arc<Node>>,
    pub name: &'static str,
}
