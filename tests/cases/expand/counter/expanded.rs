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
impl<T, F> ::dogen::Dispatch<F> for CounterServer<T>
where
    T: ::core::ops::Deref,
    T::Target: Counter,
    F: ::dogen::Format,
{
    const METHODS: &'static [&'static str] = &["increment", "reset", "peek"];
    async fn dispatch(
        &self,
        __dogen_method: &str,
        __dogen_args: &F::Value,
    ) -> ::core::result::Result<::dogen::Reply<F::Value>, ::dogen::ProtocolError> {
        let __dogen_this: &T::Target = &self.0;
        match __dogen_method {
            "increment" => {
                let (amount,): (i64,) = ::dogen::__private::decode_args::<
                    F,
                    _,
                >("increment", __dogen_args)?;
                let __dogen_ret: i64 = <T::Target as Counter>::increment(
                        __dogen_this,
                        amount,
                    )
                    .await;
                ::dogen::__private::encode_value::<F, i64>("increment", &__dogen_ret)
            }
            "reset" => {
                let ::dogen::__private::NoArgs = ::dogen::__private::decode_args::<
                    F,
                    ::dogen::__private::NoArgs,
                >("reset", __dogen_args)?;
                let __dogen_ret = <T::Target as Counter>::reset(__dogen_this).await;
                ::dogen::__private::encode_result::<F, _, _>("reset", &__dogen_ret)
            }
            "peek" => {
                let ::dogen::__private::NoArgs = ::dogen::__private::decode_args::<
                    F,
                    ::dogen::__private::NoArgs,
                >("peek", __dogen_args)?;
                let __dogen_ret: i64 = <T::Target as Counter>::get_counter_value(
                        __dogen_this,
                    )
                    .await;
                ::dogen::__private::encode_value::<F, i64>("peek", &__dogen_ret)
            }
            _ => {
                ::core::result::Result::Err(
                    ::dogen::__private::unknown_method(
                        __dogen_method,
                        <Self as ::dogen::Dispatch<F>>::METHODS,
                    ),
                )
            }
        }
    }
}
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
impl<D> CounterClient<::dogen::InProcess<CounterServer<D>>> {
    /// A client that calls `target` in this process, through the same
    /// encoding as the fetch transport.
    pub fn in_process(target: D) -> Self {
        Self::new(::dogen::InProcess::new(CounterServer(target)))
    }
}
impl<T: ::dogen::Transport> ::dogen::Client<T> for CounterClient<T> {
    const BINDING: &'static str = "COUNTER";
    const CLASS: &'static str = "Counter";
    fn from_transport(transport: T) -> Self {
        Self::new(transport)
    }
}
impl<T: ::dogen::Transport> CounterClient<T> {
    /// Adds `amount` and returns the new value.
    pub async fn increment(
        &self,
        amount: i64,
    ) -> ::core::result::Result<i64, ::dogen::CallError<::core::convert::Infallible>> {
        ::dogen::__private::call_value::<
            T,
            _,
            i64,
        >(&self.transport, "increment", &(&amount,))
            .await
    }
    pub async fn reset(
        &self,
    ) -> ::core::result::Result<(), ::dogen::CallError<CounterError>> {
        ::dogen::__private::call_result::<
            T,
            _,
            (),
            CounterError,
        >(&self.transport, "reset", &::dogen::__private::NoArgs)
            .await
    }
    pub async fn get_counter_value(
        &self,
    ) -> ::core::result::Result<i64, ::dogen::CallError<::core::convert::Infallible>> {
        ::dogen::__private::call_value::<
            T,
            _,
            i64,
        >(&self.transport, "peek", &::dogen::__private::NoArgs)
            .await
    }
}
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
