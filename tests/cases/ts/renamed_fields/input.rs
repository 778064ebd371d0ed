//! `#[serde(rename = "..")]` on a field is its key; it wins over the
//! struct's `rename_all`.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Renames {
    async fn touch(&self, file: FileInfo) -> FileInfo;
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileInfo {
    #[serde(rename = "path")]
    pub file_path: String,
    pub size_in_bytes: u64,
    #[serde(rename(serialize = "mtime", deserialize = "mtime"))]
    pub modified_at: u64,
}
