use super::*;
use rust_decimal::Decimal;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    let amount = Decimal::new(-123_456, 3);
    vec![
        sample("Price", &Price { amount, approximate: amount, exact: amount, discount: None }),
        sample("Price", &Price { amount, approximate: amount, exact: amount, discount: Some(Decimal::ONE) }),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<Price>("Price", r#"{"amount": true, "approximate": 1, "exact": "1", "discount": null}"#)]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
