use super::*;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    let id = uuid::Uuid::from_u128(0xa1a2_a3a4_b1b2_c1c2_d1d2_d3d4_d5d6_d7d8);
    vec![
        sample(
            "Invoice",
            &Invoice {
                id,
                total: Money { cents: 1234, currency: "EUR".into() },
                cents: 12.34,
                digest: vec![0xde, 0xad],
            },
        ),
        sample("Change", &Change::Refund { reason: Some("late".into()) }),
        sample("Change", &Change::Refund { reason: None }),
        sample("Invoice[\"id\"]", &id),
        sample("Host", &url::Host::<String>::Domain("example.com".into())),
        sample("Host", &url::Host::<String>::Ipv4("127.0.0.1".parse().expect("an address"))),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![
        refuse::<Money>("Money", r#"1234"#),
        refuse::<Invoice>("Invoice", r#"{"id": "x", "total": "1.00 EUR", "cents": "12", "digest": "00"}"#),
    ]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
