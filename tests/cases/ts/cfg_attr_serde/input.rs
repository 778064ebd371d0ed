//! Derives and `#[serde]` behind `cfg_attr` count: dogen types the crate as
//! if every feature were on.
#[dogen::durable]
pub trait Featured {
    async fn get(&self) -> Optional;
}

#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Optional {
    pub some_value: u8,
}

#[cfg(test)]
mod tests {
    /// Not part of the interface: test modules are skipped.
    pub struct Optional;
}
