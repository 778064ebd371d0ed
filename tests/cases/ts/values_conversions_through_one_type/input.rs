//! `#[serde(into = "T", from = "T")]` (or `try_from`) with the same `T`
//! both ways: the type is written and read as `T`, so its TypeScript is
//! `T`'s. (One type in one direction only is refused: see
//! `error_user_code_decides_the_wire_form`.)
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Conversions {
    async fn send(&self, email: Email) -> Versioned;
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Email(String);

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

impl TryFrom<String> for Email {
    type Error = &'static str;
    fn try_from(text: String) -> Result<Email, Self::Error> {
        if text.contains('@') { Ok(Email(text)) } else { Err("not an email address") }
    }
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(into = "(u32, String)", from = "(u32, String)")]
pub struct Versioned {
    pub version: u32,
    pub body: String,
}

impl From<Versioned> for (u32, String) {
    fn from(v: Versioned) -> Self {
        (v.version, v.body)
    }
}

impl From<(u32, String)> for Versioned {
    fn from((version, body): (u32, String)) -> Self {
        Versioned { version, body }
    }
}
