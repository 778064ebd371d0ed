//! semver 1 with `serde`: `Version` and `VersionReq` are strings.
use semver::{Version, VersionReq};
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait SemverValues {
    async fn resolve(&self, wanted: VersionReq) -> Release;
}

#[derive(Serialize, Deserialize)]
pub struct Release {
    pub version: Version,
    pub requires: VersionReq,
}
