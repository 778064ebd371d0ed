//! Keys that are not identifiers are quoted, with Prettier's choice of
//! quotes.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Headers {
    async fn set(&self, headers: HttpHeaders) -> Quoted;
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct HttpHeaders {
    pub content_type: String,
    pub x_request_id: Option<String>,
    pub plain: bool,
    #[serde(rename = "2fa")]
    pub two_factor: bool,
    #[serde(rename = "$ref")]
    pub reference: String,
}

#[derive(Serialize, Deserialize)]
pub enum Quoted {
    #[serde(rename = "say \"hi\"")]
    Hi,
    #[serde(rename = "it's")]
    Its,
    #[serde(rename = "back\\slash")]
    Backslash,
    #[serde(rename = "with space")]
    Spaced { #[serde(rename = "a b")] a_b: u8 },
}
