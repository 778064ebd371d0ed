//! Mappings the project declares in `[package.metadata.dogen]` of its
//! Cargo.toml: a type's TypeScript (with the import it needs, written at
//! the top of index.ts), a field's TypeScript. The lock records them.
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[dogen::durable]
pub trait UserMappings {
    async fn invoice(&self, host: url::Host) -> Invoice;
    async fn change(&self, change: Change) -> Option<uuid::Uuid>;
}

/// Written by hand as `"12.34 EUR"`.
pub struct Money {
    pub cents: i64,
    pub currency: String,
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}.{:02} {}", self.cents / 100, self.cents % 100, self.currency))
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let (amount, currency) = text.split_once(' ').ok_or_else(|| serde::de::Error::custom("no currency"))?;
        let cents = amount.replace('.', "").parse().map_err(serde::de::Error::custom)?;
        Ok(Money { cents, currency: currency.to_owned() })
    }
}

#[derive(Serialize, Deserialize)]
pub struct Invoice {
    pub id: uuid::Uuid,
    pub total: Money,
    #[serde(serialize_with = "to_cents", deserialize_with = "from_cents")]
    pub cents: f64,
    #[serde(with = "hex")]
    pub digest: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
pub enum Change {
    Refund {
        #[serde(with = "reason")]
        reason: Option<String>,
    },
}

fn to_cents<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i64((value * 100.0).round() as i64)
}

fn from_cents<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(i64::deserialize(d)? as f64 / 100.0)
}

mod hex {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(text.get(i..i + 2).unwrap_or("x"), 16).map_err(serde::de::Error::custom))
            .collect()
    }
}

mod reason {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(reason: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        reason.as_deref().map(str::to_uppercase).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Option::<String>::deserialize(d)
    }
}
