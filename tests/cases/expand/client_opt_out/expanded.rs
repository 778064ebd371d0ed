//! `client = false`: the server alone, no client. It answers calls as it
//! does beside a client.
#[allow(async_fn_in_trait)]
pub trait Served {
    async fn add(&self, a: i64, b: i64) -> i64;
}
/// Serves [`Served`] calls by wire name. Wrap anything that dereferences to an implementation (`&T`, `Box<T>`, `Rc<T>`) and hand it to a transport or to `dogen::worker::serve`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ServedServer<T>(pub T);
const _: () = {
    use ::dogen::__private as __dogen;
    impl<__DogenT, __DogenF> ::dogen::Dispatch<__DogenF> for ServedServer<__DogenT>
    where
        __DogenT: ::core::ops::Deref,
        __DogenT::Target: Served,
        __DogenF: ::dogen::Format,
    {
        const METHODS: &'static [&'static str] = &["add"];
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
                    "add" => {
                        let (a, b) = __dogen_call.args()?;
                        Served::add(__dogen_this, a, b)
                    }
                    _ => {
                        return ::core::result::Result::Err(
                            __dogen_call
                                .unknown(<Self as ::dogen::Dispatch<__DogenF>>::METHODS),
                        );
                    }
                };
                let __dogen_encoded = match __dogen_run.await {
                    __dogen_ret => __dogen_call.value(&__dogen_ret),
                };
                __dogen_call.reply(__dogen_encoded)
            }
        }
    }
};
struct Adder;
impl Served for Adder {
    async fn add(&self, a: i64, b: i64) -> i64 {
        a + b
    }
}
fn main() {
    let server = ServedServer(&Adder);
    let reply = futures_executor::block_on(
        dogen::Dispatch::<dogen::Json>::dispatch(&server, "add", &b"[2,3]".to_vec()),
    );
    expect(reply.ok(), Some(dogen::Reply::Ok(b"5".to_vec())));
    expect(
        <ServedServer<&Adder> as dogen::Dispatch<dogen::Json>>::METHODS,
        &["add"][..],
    );
}
/// Panics unless `actual` is `expected` (a function, so the golden file
/// stays readable: macro bodies are not formatted).
#[track_caller]
fn expect<T: PartialEq + std::fmt::Debug>(actual: T, expected: T) {
    assert_eq!(actual, expected);
}
