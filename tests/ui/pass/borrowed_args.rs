#![deny(warnings)]

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    pub name: String,
}

#[dogen::durable]
pub trait Labels {
    async fn join(&self, sep: &str, parts: &[String]) -> String;
    async fn describe(&self, tag: &Tag, weights: &[u8]) -> String;
}

struct Joiner;

impl Labels for Joiner {
    async fn join(&self, sep: &str, parts: &[String]) -> String {
        parts.join(sep)
    }
    async fn describe(&self, tag: &Tag, weights: &[u8]) -> String {
        format!("{}:{weights:?}", tag.name)
    }
}

fn main() {
    futures_executor::block_on(async {
        let client = LabelsClient::in_process(Box::new(Joiner));
        assert_eq!(client.join("-", &["a".into(), "b".into()]).await.unwrap(), "a-b");
        let tag = Tag { name: "t".into() };
        assert_eq!(client.describe(&tag, &[1, 2]).await.unwrap(), "t:[1, 2]");
    });
}
