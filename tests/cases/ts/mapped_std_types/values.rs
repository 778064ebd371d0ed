use super::*;
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::num::{NonZeroU32, Wrapping};
use std::ops::Bound;
use std::path::PathBuf;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, SystemTime};
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    let value = |outcome, bound| Std {
        timeout: Duration::new(5, 250),
        at: SystemTime::UNIX_EPOCH + Duration::new(1_700_000_000, 1),
        range: 1..3,
        inclusive: 0..=u64::from(u32::MAX),
        bound,
        outcome,
        cell: Cell::new(7),
        ref_cell: RefCell::new("r".into()),
        mutex: Mutex::new(vec![1]),
        lock: RwLock::new(true),
        count: NonZeroU32::new(3).expect("not zero"),
        wrapping: Wrapping(255),
        reverse: std::cmp::Reverse(-1),
        path: PathBuf::from("/a/b.txt"),
        address: "::1".parse().expect("an address"),
        marker: PhantomData,
        text: "cow".into(),
    };
    vec![
        sample("Std", &value(Ok(1), Bound::Included(1))),
        sample("Std", &value(Err("no".into()), Bound::Unbounded)),
        sample("Result<number, string>", &Result::<u32, String>::Err("e".into())),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![
        refuse::<Duration>("Duration", r#"5"#),
        refuse::<Result<u32, String>>("Result<number, string>", r#"{"ok": 1}"#),
        refuse::<NonZeroU32>("Std[\"count\"]", r#""3""#),
        refuse::<Bound<i32>>("Bound<number>", r#"{"Included": "1"}"#),
    ]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
