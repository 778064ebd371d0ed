//! Standard types with a fixed serde form: `Duration` and `SystemTime` are
//! objects of seconds and nanoseconds, ranges are objects of their ends,
//! `Bound` and `Result` (inside a value) are externally tagged enums, cells
//! and locks are their value, `NonZero*`, `Wrapping`, `Reverse` their
//! number, `PathBuf` and addresses strings, `PhantomData` `null`.
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::net::IpAddr;
use std::num::{NonZeroU32, Wrapping};
use std::ops::{Bound, Range, RangeInclusive};
use std::path::PathBuf;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait StdTypeValues {
    async fn wait(&self, timeout: Duration) -> Std;
    async fn outcome(&self) -> Vec<Result<u32, String>>;
}

#[derive(Serialize, Deserialize)]
pub struct Std {
    pub timeout: Duration,
    pub at: SystemTime,
    pub range: Range<u32>,
    pub inclusive: RangeInclusive<u64>,
    pub bound: Bound<i32>,
    pub outcome: Result<u32, String>,
    pub cell: Cell<u8>,
    pub ref_cell: RefCell<String>,
    pub mutex: Mutex<Vec<u8>>,
    pub lock: RwLock<bool>,
    pub count: NonZeroU32,
    pub wrapping: Wrapping<u8>,
    pub reverse: std::cmp::Reverse<i64>,
    pub path: PathBuf,
    pub address: IpAddr,
    pub marker: PhantomData<u32>,
    pub text: std::borrow::Cow<'static, str>,
}
