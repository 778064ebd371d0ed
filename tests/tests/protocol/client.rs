//! Generated clients driven over the HTTP mapping, against the ledger and
//! against a skewed copy of it that disagrees with the server.

use std::cell::RefCell;
use std::future::Future;
use std::task::{Context, Poll, Waker};

use dogen::protocol;
use dogen::{CallError, Dispatch, Failure, Json, ProtocolErrorKind, Reply, Transport};
use futures_executor::block_on;

use super::{LedgerClient, Refusal, SkewedLedgerClient, server};

/// A transport that goes through the HTTP mapping: `protocol::serve` on
/// one side, `protocol::read_reply` on the other. It records the last
/// request it sent.
struct Http<D> {
    server: D,
    sent: RefCell<Option<(String, String)>>,
}

impl<D> Http<D> {
    fn new(server: D) -> Self {
        Http { server, sent: RefCell::new(None) }
    }

    /// The path and body of the last request.
    fn last(&self) -> (String, String) {
        self.sent.borrow().clone().expect("a request was sent")
    }
}

impl<D: Dispatch<Json>> Transport for Http<D> {
    type Format = Json;

    async fn call(&self, method: &'static str, args: Vec<u8>) -> Result<Reply<Vec<u8>>, CallError> {
        let path = protocol::call_path(method);
        let reply = protocol::serve(&self.server, "POST", &path, &args).await;
        *self.sent.borrow_mut() = Some((path, String::from_utf8(args).expect("arguments are UTF-8")));
        protocol::read_reply(reply.status, &reply.body)
    }
}

fn sent(path: &str, body: &str) -> (String, String) {
    (path.to_owned(), body.to_owned())
}

#[test]
fn client_round_trip_over_http() {
    block_on(async {
        let client = LedgerClient::new(Http::new(server()));
        assert_eq!(client.add(5).await, Ok(5));
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/add", "[5]"));
        assert_eq!(client.get_balance().await, Ok(5));
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/getBalance", "[]"));
        assert_eq!(client.transfer("bob", 2).await.as_deref(), Ok("2 to bob"));
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/transfer", r#"["bob",2]"#));
        assert_eq!(client.withdraw(9).await, Err(CallError::App(Refusal::Insufficient { balance: 5 })));
        assert_eq!(client.withdraw(2).await, Ok(3));
        assert_eq!(client.reset().await, Ok(()));
        assert_eq!(client.get_balance().await, Ok(0));
        assert_eq!(client.largest().await, Ok(u64::MAX));
        assert_eq!(client.wide(i128::MAX).await, Ok(i128::MAX));
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/wide", &format!("[{}]", i128::MAX)));
        match client.pairs().await {
            Err(CallError::Protocol(e)) => assert_eq!(e.kind, ProtocolErrorKind::Encode),
            other => panic!("expected an encode error, got {other:?}"),
        }
        match client.ratio(0.0, 0.0).await {
            Err(CallError::Protocol(e)) => assert_eq!(e.kind, ProtocolErrorKind::Encode),
            other => panic!("expected an encode error, got {other:?}"),
        }
        // NaN arguments never leave the client.
        match client.ratio(f64::NAN, 1.0).await {
            Err(CallError::Protocol(e)) => assert_eq!(e.kind, ProtocolErrorKind::BadArguments),
            other => panic!("expected bad arguments, got {other:?}"),
        }
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/ratio", "[0.0,0.0]"));
        let failed = CallError::Failed(Failure::new("`settle` failed: storage is unavailable"));
        assert_eq!(client.settle(true).await, Err(failed));
        assert_eq!(client.settle(false).await, Ok(2));
    });
}

/// A transport whose every call waits once (`Pending`, waking itself)
/// before it goes through the HTTP mapping, as a fetch does.
struct Waiting<D>(Http<D>);

impl<D: Dispatch<Json>> Transport for Waiting<D> {
    type Format = Json;

    async fn call(&self, method: &'static str, args: Vec<u8>) -> Result<Reply<Vec<u8>>, CallError> {
        let mut waited = false;
        std::future::poll_fn(|cx| {
            if std::mem::replace(&mut waited, true) {
                return Poll::Ready(());
            }
            cx.waker().wake_by_ref();
            Poll::Pending
        })
        .await;
        self.0.call(method, args).await
    }
}

/// Polls `future` until it is ready; how many polls said `Pending`.
fn poll_counted<F: Future>(future: F) -> (F::Output, usize) {
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    let mut pending = 0;
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return (output, pending),
            Poll::Pending => pending += 1,
        }
    }
}

#[test]
fn a_call_waits_for_its_transport_then_decodes_the_reply() {
    let client = LedgerClient::new(Waiting(Http::new(server())));
    // A value, an application error and a value again: each call is
    // pending once, then gives the decoded reply.
    assert_eq!(poll_counted(client.add(7)), (Ok(7), 1));
    assert_eq!(poll_counted(client.withdraw(9)), (Err(CallError::App(Refusal::Insufficient { balance: 7 })), 1));
    assert_eq!(poll_counted(client.withdraw(2)), (Ok(5), 1));
    assert_eq!(client.transport().0.last(), sent("/__dogen/v1/call/withdraw", "[2]"));
    // Arguments that cannot be encoded fail at the first poll, without a
    // request.
    match poll_counted(client.ratio(f64::INFINITY, 1.0)) {
        (Err(CallError::Protocol(e)), 0) => assert_eq!(e.kind, ProtocolErrorKind::BadArguments),
        other => panic!("expected bad arguments at once, got {other:?}"),
    }
    assert_eq!(client.transport().0.last(), sent("/__dogen/v1/call/withdraw", "[2]"));
}

#[test]
fn protocol_errors_reach_the_client() {
    block_on(async {
        let client = SkewedLedgerClient::new(Http::new(server()));
        let kind = |result: Result<_, CallError>| match result {
            Err(CallError::Protocol(e)) => e.kind,
            other => panic!("expected a protocol error, got {other:?}"),
        };
        assert_eq!(kind(client.add("five".into()).await.map(drop)), ProtocolErrorKind::BadArguments);
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/add", r#"["five"]"#));
        assert_eq!(kind(client.get_balance().await.map(drop)), ProtocolErrorKind::BadReply);
        assert_eq!(kind(client.audit().await.map(drop)), ProtocolErrorKind::UnknownMethod);
    });
}
