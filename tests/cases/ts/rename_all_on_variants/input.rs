//! `rename_all` on an enum renames its variants, with serde's rules exactly
//! (`HTTPError` in snake_case is `h_t_t_p_error`, as serde writes it).
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait VariantCases {
    async fn all(&self, a: Lower, b: Upper, c: Pascal, d: Camel) -> (Snake, ScreamingSnake, Kebab, ScreamingKebab);
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lower { HTTPError, BadThing2 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Upper { HTTPError, BadThing2 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub enum Pascal { HTTPError, BadThing2 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Camel { HTTPError, BadThing2 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Snake { HTTPError, BadThing2 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ScreamingSnake { HTTPError, BadThing2 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kebab { HTTPError, BadThing2 }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING-KEBAB-CASE")]
pub enum ScreamingKebab { HTTPError, BadThing2 }
