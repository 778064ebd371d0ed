//! A struct variant with no fields, or only skipped ones, is an empty
//! object: `Record<string, never>`, not `{}` (which TypeScript reads as any
//! value but `null`, such as `{ Empty: 1 }`, which serde refuses).
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait EmptyStructVariants {
    async fn external(&self, value: External) -> External;
    async fn adjacent(&self, value: Adjacent) -> Adjacent;
    async fn untagged(&self, value: Untagged) -> Untagged;
}

#[derive(Serialize, Deserialize)]
pub enum External {
    Empty {},
    Skipped {
        #[serde(skip)]
        cache: Vec<u8>,
    },
    Full { a: u32 },
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Adjacent {
    Empty {},
    Full { a: u32 },
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum Untagged {
    Number(u32),
    Empty {},
}
