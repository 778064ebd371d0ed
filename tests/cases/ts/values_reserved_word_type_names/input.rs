//! Rust types may be named with TypeScript's reserved words (`struct
//! catch`, `enum switch`, type parameters too): their TypeScript names get
//! a `_`, as parameters do, so index.ts parses.
#![allow(non_camel_case_types)]
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait ReservedWordTypeNames {
    async fn catch(&self, value: catch) -> switch;
    async fn generic(&self, value: Wrapper<string>) -> Keys;
}

#[derive(Serialize, Deserialize)]
pub struct catch {
    pub default: u32,
}

#[derive(Serialize, Deserialize)]
pub enum switch {
    case,
    Default(catch),
}

#[derive(Serialize, Deserialize)]
pub struct string(pub String);

#[derive(Serialize, Deserialize)]
pub struct Wrapper<interface> {
    pub inner: interface,
    pub this: Option<Box<Wrapper<interface>>>,
}

#[derive(Serialize, Deserialize)]
pub struct Keys {
    pub by_switch: std::collections::HashMap<switch_key, u32>,
}

#[derive(Serialize, Deserialize, PartialEq, Eq, Hash)]
pub enum switch_key {
    on,
    off,
}
