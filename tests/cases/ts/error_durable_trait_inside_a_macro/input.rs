//! A `#[durable]` trait dogen cannot see, because a macro writes it, is an
//! error at its place: dogen reads source and does not expand macros.
macro_rules! define {
    ($name:ident) => {
        #[dogen::durable]
        pub trait $name {
            async fn get(&self) -> u32;
        }
    };
}

define!(Hidden);

some_crate::generate! {
    /// Written by a proc-macro.
    #[durable(binding = "X")]
    pub trait AlsoHidden {
        async fn get(&self) -> u32;
    }
}

mod inner {
    make_it! {
        pub struct NotATrait;
        #[durable] trait Deep { async fn f(&self); }
    }
}

#[dogen::durable]
pub trait Visible {
    async fn get(&self) -> u32;
}
