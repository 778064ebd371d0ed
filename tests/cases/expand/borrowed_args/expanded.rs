//! Arguments taken by reference decode into owned values on the server
//! (`&str` into `String`, `&[T]` into `Vec<T>`, `&T` into `T`) and are
//! lent to the implementation.
use serde::{Deserialize, Serialize};
/// A labelled point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    pub label: String,
    pub x: i32,
    pub y: i32,
}
/// Formats things it is lent.
#[allow(async_fn_in_trait)]
pub trait Formatter {
    /// Joins `parts` with `sep`.
    async fn join(&self, parts: &[String], sep: &str) -> String;
    async fn describe(&self, pin: &Pin, precise: bool) -> String;
    async fn total(&self, values: &[u32]) -> u64;
}
/// Serves [`Formatter`] calls by wire name. Wrap anything that dereferences to an implementation (`&T`, `Box<T>`, `Rc<T>`) and hand it to a transport or to `dogen::worker::serve`.
#[derive(Debug, Clone, Copy, Default)]
pub struct FormatterServer<T>(pub T);
const _: () = {
    use ::dogen::__private::{self as __dogen, nodes::*};
    impl<__DogenT, __DogenF> ::dogen::Dispatch<__DogenF> for FormatterServer<__DogenT>
    where
        __DogenT: ::core::ops::Deref,
        __DogenT::Target: Formatter,
        __DogenF: ::dogen::Format,
    {
        const METHODS: &'static [&'static str] = &["join", "describe", "total"];
        #[allow(unused_variables, unreachable_code)]
        fn dispatch(
            &self,
            __dogen_method: &str,
            __dogen_args: &__DogenF::Value,
        ) -> impl ::core::future::Future<
            Output = ::core::result::Result<
                ::dogen::Reply<__DogenF::Value>,
                ::dogen::ProtocolError,
            >,
        > {
            let __dogen_this = &*self.0;
            let __dogen_call = __dogen::Request::<
                __DogenF,
            >::new(__dogen_method, __dogen_args);
            async move {
                let __dogen_run = match __dogen_method {
                    "join" => {
                        let (
                            parts,
                            sep,
                        ): (::std::vec::Vec<String>, ::std::string::String) = __dogen_call
                            .args()?;
                        __DogenA3(async move {
                            Formatter::join(__dogen_this, &parts, &sep).await
                        })
                    }
                    "describe" => {
                        let (pin, precise): (Pin, bool) = __dogen_call.args()?;
                        __DogenB3(async move {
                            Formatter::describe(__dogen_this, &pin, precise).await
                        })
                    }
                    "total" => {
                        let (values,): (::std::vec::Vec<u32>,) = __dogen_call.args()?;
                        __DogenC3(async move {
                            Formatter::total(__dogen_this, &values).await
                        })
                    }
                    _ => {
                        return ::core::result::Result::Err(
                            __dogen_call
                                .unknown(<Self as ::dogen::Dispatch<__DogenF>>::METHODS),
                        );
                    }
                };
                let __dogen_encoded = match __dogen_run.await {
                    __DogenA3(__dogen_ret) | __DogenB3(__dogen_ret) => {
                        __dogen_call.value(&__dogen_ret)
                    }
                    __DogenC3(__dogen_ret) => __dogen_call.value(&__dogen_ret),
                };
                __dogen_call.reply(__dogen_encoded)
            }
        }
    }
};
/// A typed client for [`Formatter`]: each method calls the Durable Object through the transport `T`.
#[derive(Debug, Clone)]
pub struct FormatterClient<T> {
    transport: T,
}
impl<T> FormatterClient<T> {
    /// The namespace binding's name in wrangler config and on `Env`.
    pub const BINDING: &'static str = "FORMATTER";
    /// The JavaScript class that wrangler's `class_name` names.
    pub const CLASS: &'static str = "Formatter";
    /// A client that calls through `transport`.
    pub fn new(transport: T) -> Self {
        Self { transport }
    }
    /// The transport this client calls through.
    pub fn transport(&self) -> &T {
        &self.transport
    }
    /// Gives the transport back.
    pub fn into_transport(self) -> T {
        self.transport
    }
}
impl<__DogenD> FormatterClient<::dogen::InProcess<FormatterServer<__DogenD>>> {
    /// A client that calls `target` in this process, through the same
    /// encoding as the fetch transport.
    pub fn in_process(target: __DogenD) -> Self {
        Self::new(::dogen::InProcess::new(FormatterServer(target)))
    }
}
impl<__DogenT: ::dogen::Transport> ::dogen::Client<__DogenT>
for FormatterClient<__DogenT> {
    const BINDING: &'static str = "FORMATTER";
    const CLASS: &'static str = "Formatter";
    fn from_transport(transport: __DogenT) -> Self {
        Self::new(transport)
    }
}
const _: () = {
    use ::dogen::__private as __dogen;
    #[allow(clippy::type_complexity)]
    impl<__DogenT: ::dogen::Transport> FormatterClient<__DogenT> {
        /// Joins `parts` with `sep`.
        pub fn join(
            &self,
            parts: &[String],
            sep: &str,
        ) -> impl __dogen::Future<
            Output = __dogen::Result<String, __dogen::CallError>,
        > + '_ {
            __dogen::call(&self.transport, "join").args(&(&parts, &sep)).value()
        }
        /// Calls `describe` on the Durable Object.
        pub fn describe(
            &self,
            pin: &Pin,
            precise: bool,
        ) -> impl __dogen::Future<
            Output = __dogen::Result<String, __dogen::CallError>,
        > + '_ {
            __dogen::call(&self.transport, "describe").args(&(&pin, &precise)).value()
        }
        /// Calls `total` on the Durable Object.
        pub fn total(
            &self,
            values: &[u32],
        ) -> impl __dogen::Future<
            Output = __dogen::Result<u64, __dogen::CallError>,
        > + '_ {
            __dogen::call(&self.transport, "total").args(&(&values,)).value()
        }
    }
};
struct Plain;
impl Formatter for Plain {
    async fn join(&self, parts: &[String], sep: &str) -> String {
        parts.join(sep)
    }
    async fn describe(&self, pin: &Pin, precise: bool) -> String {
        if precise {
            format!("{} at ({}, {})", pin.label, pin.x, pin.y)
        } else {
            pin.label.clone()
        }
    }
    async fn total(&self, values: &[u32]) -> u64 {
        values.iter().map(|&v| u64::from(v)).sum()
    }
}
fn main() {
    futures_executor::block_on(async {
        let formatter = FormatterClient::in_process(Box::new(Plain));
        let parts = ["a".to_owned(), "b".to_owned()];
        expect(formatter.join(&parts, "+").await, Ok("a+b".to_owned()));
        let pin = Pin {
            label: "home".into(),
            x: 3,
            y: -4,
        };
        expect(formatter.describe(&pin, true).await, Ok("home at (3, -4)".to_owned()));
        expect(formatter.describe(&pin, false).await, Ok("home".to_owned()));
        expect(formatter.total(&[u32::MAX, 1]).await, Ok(u64::from(u32::MAX) + 1));
        expect(FormatterClient::<()>::BINDING, "FORMATTER");
    });
}
/// Panics unless `actual` is `expected` (a function, so the golden file
/// stays readable: macro bodies are not formatted).
#[track_caller]
fn expect<T: PartialEq + std::fmt::Debug>(actual: T, expected: T) {
    assert_eq!(actual, expected);
}
