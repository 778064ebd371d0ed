//! `rust_decimal::Decimal` is a string (rust_decimal 1 with `serde`; with
//! `serde-float` it is a number, which dogen reads from the crate's
//! Cargo.toml). The `rust_decimal::serde` modules write either form
//! (features `serde-with-float`, `serde-with-str`).
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait DecimalValues {
    async fn price(&self, amount: Decimal) -> Price;
}

#[derive(Serialize, Deserialize)]
pub struct Price {
    pub amount: Decimal,
    #[serde(with = "rust_decimal::serde::float")]
    pub approximate: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub exact: Decimal,
    #[serde(with = "rust_decimal::serde::float_option")]
    pub discount: Option<Decimal>,
}
