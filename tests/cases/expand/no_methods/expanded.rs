//! A trait without methods still gets a server and a client; its dispatch
//! answers every call with an unknown-method error.
/// Nothing to call yet.
#[allow(async_fn_in_trait)]
pub trait Empty {}
/// Serves [`Empty`] calls by wire name. Wrap anything that dereferences to an implementation (`&T`, `Box<T>`, `Rc<T>`) and hand it to a transport or to `dogen::worker::serve`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmptyServer<T>(pub T);
const _: () = {
    use ::dogen::__private as __dogen;
    impl<__DogenT, __DogenF> ::dogen::Dispatch<__DogenF> for EmptyServer<__DogenT>
    where
        __DogenT: ::core::ops::Deref,
        __DogenT::Target: Empty,
        __DogenF: ::dogen::Format,
    {
        const METHODS: &'static [&'static str] = &[];
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
                let __dogen_run: ::core::future::Pending<::core::convert::Infallible> = match __dogen_method {
                    _ => {
                        return ::core::result::Result::Err(
                            __dogen_call
                                .unknown(<Self as ::dogen::Dispatch<__DogenF>>::METHODS),
                        );
                    }
                };
                let __dogen_encoded = match __dogen_run.await {};
                __dogen_call.reply(__dogen_encoded)
            }
        }
    }
};
/// A typed client for [`Empty`]: each method calls the Durable Object through the transport `T`.
#[derive(Debug, Clone)]
pub struct EmptyClient<T> {
    transport: T,
}
impl<T> EmptyClient<T> {
    /// The namespace binding's name in wrangler config and on `Env`.
    pub const BINDING: &'static str = "EMPTY";
    /// The JavaScript class that wrangler's `class_name` names.
    pub const CLASS: &'static str = "EmptyObject";
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
impl<__DogenD> EmptyClient<::dogen::InProcess<EmptyServer<__DogenD>>> {
    /// A client that calls `target` in this process, through the same
    /// encoding as the fetch transport.
    pub fn in_process(target: __DogenD) -> Self {
        Self::new(::dogen::InProcess::new(EmptyServer(target)))
    }
}
impl<__DogenT: ::dogen::Transport> ::dogen::Client<__DogenT> for EmptyClient<__DogenT> {
    const BINDING: &'static str = "EMPTY";
    const CLASS: &'static str = "EmptyObject";
    fn from_transport(transport: __DogenT) -> Self {
        Self::new(transport)
    }
}
struct Nothing;
impl Empty for Nothing {}
fn main() {
    futures_executor::block_on(async {
        let client = EmptyClient::in_process(Box::new(Nothing));
        let server = client.transport().server();
        expect(
            <EmptyServer<Box<Nothing>> as dogen::Dispatch<dogen::Json>>::METHODS
                .is_empty(),
            true,
        );
        let error = dogen::Dispatch::<
            dogen::Json,
        >::dispatch(server, "anything", &b"[]".to_vec())
            .await
            .unwrap_err();
        expect(error.kind, dogen::ProtocolErrorKind::UnknownMethod);
        expect(error.message.contains("no methods"), true);
        expect(EmptyClient::<()>::BINDING, "EMPTY");
        expect(EmptyClient::<()>::CLASS, "EmptyObject");
    });
}
/// Panics unless `actual` is `expected` (a function, so the golden file
/// stays readable: macro bodies are not formatted).
#[track_caller]
fn expect<T: PartialEq + std::fmt::Debug>(actual: T, expected: T) {
    assert_eq!(actual, expected);
}
