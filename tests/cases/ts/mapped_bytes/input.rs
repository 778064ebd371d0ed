//! Bytes: `bytes::Bytes` (bytes 1 with `serde`), `serde_bytes::ByteBuf` and
//! fields `#[serde(with = "serde_bytes")]` are written with serde's
//! `serialize_bytes`. Over native RPC serde-wasm-bindgen writes a
//! `Uint8Array` (and reads one, or an array of numbers): index.ts says
//! `Uint8Array`. Over fetch, JSON has an array of numbers: `number[]`, the
//! fetch client's type (`OverFetch` in values.ts). A `Vec<u8>` without
//! `serde_bytes` is an array of numbers on both.
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

#[dogen::durable]
pub trait ByteValues {
    async fn store(&self, blob: bytes::Bytes) -> Blob;
}

#[derive(Serialize, Deserialize)]
pub struct Blob {
    pub bytes: bytes::Bytes,
    pub buf: ByteBuf,
    #[serde(with = "serde_bytes")]
    pub with: Vec<u8>,
    #[serde(with = "serde_bytes")]
    pub maybe: Option<Vec<u8>>,
    pub numbers: Vec<u8>,
}
