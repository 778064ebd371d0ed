use super::*;
use compact_str::CompactString;
use smol_str::SmolStr;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![sample(
        "Names",
        &Names {
            smol: SmolStr::new("short"),
            compact: CompactString::new("a compact string longer than twenty-four bytes"),
            many: vec![SmolStr::new("x")],
        },
    )]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<Names>("Names", r#"{"smol": 1, "compact": "", "many": []}"#)]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
