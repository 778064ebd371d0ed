use super::*;
use serde_bytes::ByteBuf;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    let blob = |maybe| Blob {
        bytes: bytes::Bytes::from_static(&[0, 1, 255]),
        buf: ByteBuf::from(vec![7, 8]),
        with: vec![],
        maybe,
        numbers: vec![1, 2],
    };
    vec![sample("Blob", &blob(None)), sample("Blob", &blob(Some(vec![9])))]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<Blob>("Blob", r#"{"bytes": "AAE=", "buf": [], "with": [], "maybe": null, "numbers": []}"#)]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
