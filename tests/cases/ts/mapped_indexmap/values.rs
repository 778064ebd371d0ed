use super::*;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![sample(
        "Ordered",
        &Ordered {
            by_name: [("z".to_owned(), 1), ("a".to_owned(), 2)].into_iter().collect(),
            by_color: [(Color::Green, vec!["leaf".to_owned()])].into_iter().collect(),
            tags: ["b".to_owned(), "a".to_owned()].into_iter().collect(),
        },
    )]
}

pub fn refused() -> Vec<Negative> {
    vec![
        refuse::<Ordered>("Ordered", r#"{"by_name": [["a", 1]], "by_color": {}, "tags": []}"#),
        refuse::<Ordered>("Ordered", r#"{"by_name": {}, "by_color": {"Blue": []}, "tags": []}"#),
    ]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
