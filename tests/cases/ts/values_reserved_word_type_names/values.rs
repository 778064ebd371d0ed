use super::*;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![
        sample("catch_", &catch { default: 1 }),
        sample("switch_", &switch::case),
        sample("switch_", &switch::Default(catch { default: 2 })),
        sample("Wrapper<T.string_>", &Wrapper { inner: string("a".into()), this: None }),
        sample("Keys", &Keys { by_switch: [(switch_key::on, 1)].into() }),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<switch>("switch_", r#""Case""#)]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
