//! The canonical counter: a doc-commented method, a `Result` with a typed
//! error, a renamed method and an explicit binding.
use std::cell::Cell;
use serde::{Deserialize, Serialize};
/// Why a counter refused to reset.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub enum CounterError {
    /// The counter is over its limit.
    Overflow { value: i64 },
}
/// A counter shared by every caller that names it.
#[allow(async_fn_in_trait)]
pub trait Counter {
    /// Adds `amount` and returns the new value.
    async fn increment(&self, amount: i64) -> i64;
    async fn reset(&self) -> Result<(), CounterError>;
    async fn get_counter_value(&self) -> i64;
}
/// Serves [`Counter`] calls by wire name. Wrap anything that dereferences to an implementation (`&T`, `Box<T>`, `Rc<T>`) and hand it to a transport or to `dogen::worker::serve`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CounterServer<T>(pub T);
const _: () = {
    use ::dogen::__private::{self as __dogen, nodes::*};
    impl<__DogenT, __DogenF> ::dogen::Dispatch<__DogenF> for CounterServer<__DogenT>
    where
        __DogenT: ::core::ops::Deref,
        __DogenT::Target: Counter,
        __DogenF: ::dogen::Format,
    {
        const METHODS: &'static [&'static str] = &["increment", "reset", "peek"];
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
                    "increment" => {
                        let (amount,) = __dogen_call.args()?;
                        __DogenA3(Counter::increment(__dogen_this, amount))
                    }
                    "reset" => {
                        __dogen_call.no_args()?;
                        __DogenB3(Counter::reset(__dogen_this))
                    }
                    "peek" => {
                        __dogen_call.no_args()?;
                        __DogenC3(Counter::get_counter_value(__dogen_this))
                    }
                    _ => {
                        return ::core::result::Result::Err(
                            __dogen_call
                                .unknown(<Self as ::dogen::Dispatch<__DogenF>>::METHODS),
                        );
                    }
                };
                let __dogen_encoded = match __dogen_run.await {
                    __DogenA3(__dogen_ret) | __DogenC3(__dogen_ret) => {
                        __dogen_call.value(&__dogen_ret)
                    }
                    __DogenB3(__dogen_ret) => __dogen_call.result::<_, _>(&__dogen_ret),
                };
                __dogen_call.reply(__dogen_encoded)
            }
        }
    }
};
/// A typed client for [`Counter`]: each method calls the Durable Object through the transport `T`.
#[derive(Debug, Clone)]
pub struct CounterClient<T> {
    transport: T,
}
impl<T> CounterClient<T> {
    /// The namespace binding's name in wrangler config and on `Env`.
    pub const BINDING: &'static str = "COUNTER";
    /// The JavaScript class that wrangler's `class_name` names.
    pub const CLASS: &'static str = "Counter";
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
impl<__DogenD> CounterClient<::dogen::InProcess<CounterServer<__DogenD>>> {
    /// A client that calls `target` in this process, through the same
    /// encoding as the fetch transport.
    pub fn in_process(target: __DogenD) -> Self {
        Self::new(::dogen::InProcess::new(CounterServer(target)))
    }
}
impl<__DogenT: ::dogen::Transport> ::dogen::Client<__DogenT>
for CounterClient<__DogenT> {
    const BINDING: &'static str = "COUNTER";
    const CLASS: &'static str = "Counter";
    fn from_transport(transport: __DogenT) -> Self {
        Self::new(transport)
    }
}
const _: () = {
    use ::dogen::__private as __dogen;
    #[allow(clippy::type_complexity)]
    impl<__DogenT: ::dogen::Transport> CounterClient<__DogenT> {
        /// Adds `amount` and returns the new value.
        pub fn increment(
            &self,
            amount: i64,
        ) -> impl __dogen::Future<
            Output = __dogen::Result<i64, __dogen::CallError>,
        > + '_ {
            __dogen::call(&self.transport, "increment").args(&(&amount,)).value()
        }
        /// Calls `reset` on the Durable Object.
        pub fn reset(
            &self,
        ) -> impl __dogen::Future<
            Output = __dogen::Result<(), __dogen::CallError<CounterError>>,
        > + '_ {
            __dogen::call(&self.transport, "reset").result()
        }
        /// Calls `peek` on the Durable Object.
        pub fn get_counter_value(
            &self,
        ) -> impl __dogen::Future<
            Output = __dogen::Result<i64, __dogen::CallError>,
        > + '_ {
            __dogen::call(&self.transport, "peek").value()
        }
    }
};
#[derive(Default)]
struct Memory(Cell<i64>);
impl Counter for Memory {
    async fn increment(&self, amount: i64) -> i64 {
        self.0.set(self.0.get() + amount);
        self.0.get()
    }
    async fn reset(&self) -> Result<(), CounterError> {
        match self.0.get() {
            value if value > 100 => Err(CounterError::Overflow { value }),
            _ => {
                self.0.set(0);
                Ok(())
            }
        }
    }
    async fn get_counter_value(&self) -> i64 {
        self.0.get()
    }
}
fn main() {
    futures_executor::block_on(async {
        let counter = CounterClient::in_process(Box::new(Memory::default()));
        expect(counter.increment(5).await, Ok(5));
        expect(counter.increment(-2).await, Ok(3));
        expect(counter.get_counter_value().await, Ok(3));
        expect(counter.reset().await, Ok(()));
        expect(counter.increment(101).await, Ok(101));
        expect(
            counter.reset().await,
            Err(
                dogen::CallError::App(CounterError::Overflow {
                    value: 101,
                }),
            ),
        );
        expect(
            <CounterServer<&Memory> as dogen::Dispatch<dogen::Json>>::METHODS,
            &["increment", "reset", "peek"][..],
        );
        expect(CounterClient::<()>::BINDING, "COUNTER");
        expect(CounterClient::<()>::CLASS, "Counter");
    });
}
/// Panics unless `actual` is `expected` (a function, so the golden file
/// stays readable: macro bodies are not formatted).
#[track_caller]
fn expect<T: PartialEq + std::fmt::Debug>(actual: T, expected: T) {
    assert_eq!(actual, expected);
}
