//! `rename_all` on a struct renames its fields, with serde's rules exactly.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait FieldCases {
    async fn all(&self, a: Lower, b: Upper, c: Pascal, d: Camel) -> (Snake, ScreamingSnake, Kebab, ScreamingKebab);
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub struct Lower { pub user_id2: u8, pub x: u8 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub struct Upper { pub user_id2: u8, pub x: u8 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Pascal { pub user_id2: u8, pub x: u8 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Camel { pub user_id2: u8, pub x: u8 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct Snake { pub user_id2: u8, pub x: u8 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub struct ScreamingSnake { pub user_id2: u8, pub x: u8 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Kebab { pub user_id2: u8, pub x: u8 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING-KEBAB-CASE")]
pub struct ScreamingKebab { pub user_id2: u8, pub x: u8 }
