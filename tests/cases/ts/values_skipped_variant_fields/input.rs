//! A newtype variant whose field is skipped is a unit variant on the wire,
//! whatever the tagging; a tuple variant loses its skipped fields. The
//! skipped field's type is not read, so it need not be serde at all.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait SkippedVariantFields {
    async fn external(&self, value: External) -> External;
    async fn adjacent(&self, value: Adjacent) -> Adjacent;
    async fn untagged(&self, value: Untagged) -> Untagged;
    async fn internal(&self, value: Internal) -> Internal;
}

/// Not serde: only ever skipped.
#[derive(Default)]
pub struct Cache;

#[derive(Serialize, Deserialize)]
pub enum External {
    Skipped(#[serde(skip)] Cache),
    Partly(#[serde(skip)] Cache, u32),
    Kept(String),
}

/// Adjacently tagged, serde writes a newtype variant whose field is skipped
/// as its tag alone but reads it with content, so dogen refuses that (see
/// `error_skipped_fields_serde_cannot_read_back`); a tuple variant's
/// skipped fields are left out both ways.
#[derive(Serialize, Deserialize)]
#[serde(tag = "type", content = "value")]
pub enum Adjacent {
    Partly(#[serde(skip)] Cache, u32),
    Kept(String),
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum Untagged {
    Kept(String),
    Skipped(#[serde(skip)] Cache),
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Internal {
    Skipped(#[serde(skip)] Cache),
    Kept { name: String },
}
