//! {{ name }}: a Durable Object written in Rust with dogen.
//!
//! [`TodoList`] is the object's interface, written once. From it,
//! `#[dogen::durable]` makes the server dispatch and a typed Rust client,
//! `dogen ts` the TypeScript types its callers use, and `dogen entry` the
//! JavaScript class that lets the object answer native Workers RPC.

use dogen::Fallible;
use serde::{Deserialize, Serialize};

#[cfg(target_arch = "wasm32")]
mod object;

/// A to-do list: one Durable Object per list name, its items kept in the
/// object's storage.
///
/// Each method is `Fallible`: storage can fail, and a failure reaches the
/// caller as a failed call, never as part of the method's type.
#[dogen::durable(binding = "TODOS")]
pub trait TodoList {
    /// Adds an item titled `title` and returns it.
    async fn add(&self, title: String) -> Fallible<Todo>;
    /// Marks item `id` done and returns it; an id the list does not have is
    /// a typed error.
    async fn complete(&self, id: u32) -> Fallible<Result<Todo, TodoError>>;
    /// Every item, oldest first.
    async fn list(&self) -> Fallible<Vec<Todo>>;
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Todo {
    /// Unique in its list.
    pub id: u32,
    /// What to do.
    pub title: String,
    /// Whether it is done.
    pub done: bool,
}

/// Why `complete` refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum TodoError {
    /// The list has no item `id`.
    NotFound {
        /// The id asked for.
        id: u32,
    },
}
