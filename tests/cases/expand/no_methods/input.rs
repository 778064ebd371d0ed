//! A trait without methods still gets a server and a client; its dispatch
//! answers every call with an unknown-method error.

/// Nothing to call yet.
#[dogen::durable(class = "EmptyObject")]
pub trait Empty {}

struct Nothing;

impl Empty for Nothing {}

fn main() {
    futures_executor::block_on(async {
        let client = EmptyClient::in_process(Box::new(Nothing));
        let server = client.transport().server();
        expect(<EmptyServer<Box<Nothing>> as dogen::Dispatch<dogen::Json>>::METHODS.is_empty(), true);
        let error = dogen::Dispatch::<dogen::Json>::dispatch(server, "anything", &b"[]".to_vec()).await.unwrap_err();
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
