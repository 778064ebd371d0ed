//! The interface lock: a JSON record of every durable interface a crate
//! exposes (classes, bindings, methods with wire names, argument and
//! result types, and the serde types they reach), and the comparison of a
//! lock with the current interface that `dogen check --breaking` reports.
//!
//! - [`model`]: the lock's data, which is its file format.
//! - [`build`]: [`crate::model::Api`] → [`Lock`].
//! - [`diff()`]: two locks → every [`Change`], each [`Severity::Compatible`]
//!   or [`Severity::Breaking`] for callers that are already deployed.
//!   `docs/breaking.md` lists the rules.
//!
//! A lock file looks like this (pretty JSON, keys in a fixed order,
//! interfaces sorted by class and types by name, places relative to the
//! crate directory):
//!
//! ```json
//! {
//!   "dogen_lock": 1,
//!   "interfaces": [
//!     {
//!       "class": "Counter",
//!       "trait": "Counter",
//!       "binding": "COUNTER",
//!       "sqlite": true,
//!       "at": "src/lib.rs:4",
//!       "methods": [
//!         {
//!           "wire": "add",
//!           "rust": "add",
//!           "at": "src/lib.rs:5",
//!           "args": [{ "name": "by", "type": "u32" }],
//!           "returns": "u64"
//!         }
//!       ]
//!     }
//!   ],
//!   "types": []
//! }
//! ```

pub mod build;
pub mod change;
mod compat;
pub mod diff;
pub mod file;
pub mod model;
pub mod shape_text;

pub use change::{Change, Kind, Severity};
pub use diff::{any_breaking, diff};
pub use file::{RenameArg, declare_renames, lock_path, read_at_revision, read_file};
pub use model::*;
pub use shape_text::{parse_shape, shape_text};

/// The lock file's name in a crate directory.
pub const LOCK_FILE: &str = "dogen.lock";

/// Why a lock file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LockError {
    /// Not JSON, or not shaped like a lock.
    #[error("{0}")]
    Json(String),
    /// Written by another version of dogen.
    #[error("lock format version {found} is not supported; this dogen reads version {LOCK_VERSION}")]
    Version {
        /// The version in the file.
        found: u32,
    },
    /// A type in the lock is not a wire shape.
    #[error("`{item}` has type {message}")]
    Shape {
        /// The item holding the type.
        item: String,
        /// What is wrong with it.
        message: String,
    },
}

impl Lock {
    /// The lock as a file: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a lock is plain data");
        text.push('\n');
        text
    }

    /// Reads a lock file's text, checking its version and every type in it.
    pub fn from_json(text: &str) -> Result<Lock, LockError> {
        /// Only the version, read first so a newer format gets a clear error.
        #[derive(::serde::Deserialize)]
        struct Version {
            dogen_lock: Option<u64>,
        }
        let version = serde_json::from_str::<Version>(text).ok().and_then(|v| v.dogen_lock);
        if let Some(found) = version
            && found != u64::from(LOCK_VERSION)
        {
            return Err(LockError::Version { found: u32::try_from(found).unwrap_or(u32::MAX) });
        }
        let lock: Lock = serde_json::from_str(text).map_err(|e| LockError::Json(e.to_string()))?;
        lock.check_shapes()?;
        Ok(lock)
    }

    /// Every type written in the lock parses as a wire shape. Each distinct
    /// text is parsed once.
    fn check_shapes(&self) -> Result<(), LockError> {
        let seen = std::cell::RefCell::new(std::collections::HashSet::new());
        let check = |item: String, text: &str| {
            if seen.borrow().contains(text) {
                return Ok(());
            }
            parse_shape(text).map_err(|message| LockError::Shape { item, message })?;
            seen.borrow_mut().insert(text.to_owned());
            Ok(())
        };
        for iface in &self.interfaces {
            for m in &iface.methods {
                let item = format!("{}.{}", iface.class, m.wire);
                for a in &m.args {
                    check(format!("{item}({})", a.name), &a.ty)?;
                }
                check(item.clone(), &m.returns)?;
                if let Some(e) = &m.error {
                    check(item, e)?;
                }
            }
        }
        for t in &self.types {
            let fields = |o: &LockObject, owner: &str| -> Result<(), LockError> {
                o.fields.iter().filter(|f| f.ts.is_none()).try_for_each(|f| check(format!("{owner}.{}", f.name), &f.ty))
            };
            match &t.body {
                LockBody::Alias { target } | LockBody::Transparent { target } => check(t.name.clone(), target)?,
                LockBody::Unit | LockBody::Mapped { .. } => {}
                LockBody::Tuple { items } => items.iter().try_for_each(|i| check(t.name.clone(), i))?,
                LockBody::Struct(o) => fields(o, &t.name)?,
                LockBody::Enum { variants, .. } => {
                    for v in variants {
                        let owner = format!("{}::{}", t.name, v.name);
                        match &v.body {
                            LockVariantBody::Unit => {}
                            LockVariantBody::Newtype { ty } => check(owner, ty)?,
                            LockVariantBody::Tuple { items } => {
                                items.iter().try_for_each(|i| check(owner.clone(), i))?
                            }
                            LockVariantBody::Struct(o) => fields(o, &owner)?,
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
