use super::*;
use uuid::Uuid;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    let id = Uuid::from_u128(0x67e5_5044_10b1_426f_9247_bb68_0e5f_e0c8);
    vec![
        sample("Row", &Row { id, parent: None, simple: id, urn: id, braced: id }),
        sample("Row", &Row { id: Uuid::nil(), parent: Some(Uuid::max()), simple: id, urn: id, braced: id }),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<Row>(
        "Row",
        r#"{"id": 1, "parent": null, "simple": "", "urn": "", "braced": ""}"#,
    )]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
