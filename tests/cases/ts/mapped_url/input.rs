//! `url::Url` is a string (url 2 with `serde`).
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait UrlValues {
    async fn fetch_it(&self, url: url::Url) -> Link;
}

#[derive(Serialize, Deserialize)]
pub struct Link {
    pub href: url::Url,
    pub base: Option<url::Url>,
}
