use super::*;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    let href = url::Url::parse("https://example.com/a b?q=1#f").expect("a URL");
    vec![sample("Link", &Link { href: href.clone(), base: Some(href) })]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<Link>("Link", r#"{"href": ["https://example.com"], "base": null}"#)]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
