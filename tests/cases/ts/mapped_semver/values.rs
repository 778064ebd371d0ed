use super::*;
use semver::{Version, VersionReq};
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![sample(
        "Release",
        &Release {
            version: Version::parse("1.2.3-beta.1+build.5").expect("a version"),
            requires: VersionReq::parse(">=1.2, <2").expect("a requirement"),
        },
    )]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<Release>("Release", r#"{"version": [1, 2, 3], "requires": "*"}"#)]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
