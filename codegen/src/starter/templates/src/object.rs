//! The Durable Object (wasm32 only): the workers-rs struct that implements
//! [`TodoList`] over the object's storage.
//!
//! JavaScript sees it as the class `TodoList`, the trait's name (see
//! `class_name` in wrangler.toml): the class that `dogen entry` writes in
//! build/entry.js, which forwards the trait's methods to this struct.

use dogen::Fallible;
use worker::{DurableObject, Env, Request, Response, Result, State, durable_object};

use crate::{Todo, TodoError, TodoList, TodoListServer};

/// The storage key of the items.
const ITEMS: &str = "items";

/// One list.
#[dogen::object(TodoList)]
#[durable_object(fetch)]
pub struct Todos {
    state: State,
}

impl DurableObject for Todos {
    fn new(state: State, _env: Env) -> Self {
        Todos { state }
    }

    /// Calls in dogen's fetch protocol (from Rust Workers, or the generated
    /// TypeScript fetch client); other paths are not found.
    async fn fetch(&self, req: Request) -> Result<Response> {
        if dogen::worker::is_call(&req) {
            return dogen::worker::serve(&TodoListServer(self), req).await;
        }
        Response::error("Not Found", 404)
    }
}

impl Todos {
    async fn items(&self) -> Fallible<Vec<Todo>> {
        Ok(self.state.storage().get::<Vec<Todo>>(ITEMS).await?.unwrap_or_default())
    }

    async fn save(&self, items: &[Todo]) -> Fallible<()> {
        Ok(self.state.storage().put(ITEMS, items).await?)
    }
}

impl TodoList for Todos {
    async fn add(&self, title: String) -> Fallible<Todo> {
        let mut items = self.items().await?;
        let id = items.iter().map(|t| t.id).max().unwrap_or(0) + 1;
        let todo = Todo { id, title, done: false };
        items.push(todo.clone());
        self.save(&items).await?;
        Ok(todo)
    }

    async fn complete(&self, id: u32) -> Fallible<std::result::Result<Todo, TodoError>> {
        let mut items = self.items().await?;
        let Some(todo) = items.iter_mut().find(|t| t.id == id) else {
            return Ok(Err(TodoError::NotFound { id }));
        };
        todo.done = true;
        let done = todo.clone();
        self.save(&items).await?;
        Ok(Ok(done))
    }

    async fn list(&self) -> Fallible<Vec<Todo>> {
        self.items().await
    }
}
