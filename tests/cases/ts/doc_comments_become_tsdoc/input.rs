//! Rust doc comments become TSDoc on types, fields, variants, methods and
//! bindings; `*/` inside them is escaped.
use serde::{Deserialize, Serialize};

/// A notebook.
///
/// Keeps *notes*; the text may hold `*/` without ending the comment.
#[dogen::durable(binding = "NOTES")]
pub trait Notebook {
    /// Adds a note and returns its number.
    ///
    /// Numbers start at 1.
    async fn add(&self, note: Note) -> u32;
    /** A block doc comment. */
    async fn get(&self, number: u32) -> Option<Note>;
    async fn undocumented(&self);
    async fn kinds(&self, first: FirstOnly) -> Undocumented;
}

/// One note.
#[derive(Serialize, Deserialize)]
pub struct Note {
    /// What it says.
    pub text: String,
    /// Where it is filed.
    ///
    /// Several lines.
    pub folder: Folder,
    pub plain: bool,
}

/// Where notes go.
#[derive(Serialize, Deserialize)]
pub enum Folder {
    /// The first one.
    Inbox,
    /// Put away.
    Archive,
    Custom(String),
}

#[derive(Serialize, Deserialize)]
pub enum Undocumented {
    A,
}

/// Only the first variant says something.
#[derive(Serialize, Deserialize)]
pub enum FirstOnly {
    /// The first.
    One,
    Two,
}
