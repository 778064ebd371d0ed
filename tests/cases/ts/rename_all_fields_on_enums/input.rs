//! `rename_all_fields` on an enum renames the fields of its struct
//! variants; a variant's own `rename_all` wins.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Commands {
    async fn run(&self, command: Command) -> bool;
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Command {
    CopyFile { source_path: String, target_path: String },
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    DeleteFile { file_path: String },
}
