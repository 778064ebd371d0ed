//! The counter's logic, natively: the same `StoredCounter` the Durable
//! Object runs, over a `MemoryStore`, called through `CounterClient`.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use counter::{Counter, CounterClient, CounterServer, KEY, LIMIT, MemoryStore, Store, StoredCounter};
use dogen::{CallError, Failure, InProcess};
use futures_executor::block_on;

type Client = CounterClient<InProcess<CounterServer<Box<StoredCounter<MemoryStore>>>>>;

/// A client over `store`, as a Worker's client reaches one object.
fn client(store: &MemoryStore) -> Client {
    CounterClient::in_process(Box::new(StoredCounter::new(store.clone())))
}

/// One store per name, as a namespace keeps one object per name.
#[derive(Default)]
struct Namespace(RefCell<BTreeMap<String, MemoryStore>>);

impl Namespace {
    fn get(&self, name: &str) -> Client {
        client(self.0.borrow_mut().entry(name.to_owned()).or_default())
    }
}

#[test]
fn starts_at_zero() {
    block_on(async {
        let store = MemoryStore::default();
        assert_eq!(client(&store).get_counter_value().await, Ok(0));
        // Reading stores nothing.
        assert_eq!(store.get(KEY), None);
    });
}

#[test]
fn increments_and_decrements() {
    block_on(async {
        let store = MemoryStore::default();
        let counter = client(&store);
        assert_eq!(counter.increment(1).await, Ok(1));
        assert_eq!(counter.increment(5).await, Ok(6));
        assert_eq!(counter.decrement(2).await, Ok(4));
        assert_eq!(counter.get_counter_value().await, Ok(4));
        assert_eq!(counter.decrement(10).await, Ok(-6));
        assert_eq!(counter.increment(-4).await, Ok(-10));
        assert_eq!(counter.decrement(-3).await, Ok(-7));
        assert_eq!(counter.increment(0).await, Ok(-7));
        assert_eq!(store.get(KEY), Some(-7));
    });
}

#[test]
fn the_value_outlives_the_client() {
    block_on(async {
        let ns = Namespace::default();
        assert_eq!(ns.get("a").increment(3).await, Ok(3));
        assert_eq!(ns.get("a").increment(4).await, Ok(7));
        assert_eq!(ns.get("a").get_counter_value().await, Ok(7));
    });
}

#[test]
fn two_names_are_independent() {
    block_on(async {
        let ns = Namespace::default();
        let (a, b) = (ns.get("a"), ns.get("b"));
        assert_eq!(a.increment(10).await, Ok(10));
        assert_eq!(b.increment(1).await, Ok(1));
        assert_eq!(b.decrement(3).await, Ok(-2));
        assert_eq!(a.get_counter_value().await, Ok(10));
        assert_eq!(b.get_counter_value().await, Ok(-2));
        assert_eq!(ns.get("c").get_counter_value().await, Ok(0));
    });
}

#[test]
fn saturates_at_the_javascript_limit() {
    assert_eq!(LIMIT, 9_007_199_254_740_991);
    block_on(async {
        let counter = client(&MemoryStore::default());
        assert_eq!(counter.increment(LIMIT - 1).await, Ok(LIMIT - 1));
        assert_eq!(counter.increment(5).await, Ok(LIMIT));
        assert_eq!(counter.increment(i64::MAX).await, Ok(LIMIT));
        assert_eq!(counter.decrement(i64::MIN).await, Ok(LIMIT));
        assert_eq!(counter.decrement(LIMIT).await, Ok(0));
        assert_eq!(counter.decrement(i64::MAX).await, Ok(-LIMIT));
        assert_eq!(counter.increment(i64::MIN).await, Ok(-LIMIT));
        assert_eq!(counter.decrement(i64::MIN).await, Ok(LIMIT));
    });
}

/// Why [`Flaky`] failed.
#[derive(Debug)]
struct StorageDown(&'static str);

impl std::fmt::Display for StorageDown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for StorageDown {}

/// A store whose reads or writes fail on demand, and that counts writes.
#[derive(Default)]
struct Flaky {
    value: Cell<Option<i64>>,
    fail_load: Cell<bool>,
    fail_save: Cell<bool>,
    saves: Cell<u32>,
}

impl Store for Flaky {
    type Error = StorageDown;

    async fn load(&self, _key: &str) -> Result<Option<i64>, StorageDown> {
        if self.fail_load.get() { Err(StorageDown("load failed")) } else { Ok(self.value.get()) }
    }

    async fn save(&self, _key: &str, value: i64) -> Result<(), StorageDown> {
        if self.fail_save.get() {
            return Err(StorageDown("save failed"));
        }
        self.saves.set(self.saves.get() + 1);
        self.value.set(Some(value));
        Ok(())
    }
}

#[test]
fn a_failed_read_writes_nothing_and_fails_the_call() {
    block_on(async {
        let counter = StoredCounter::new(Flaky::default());
        assert_eq!(counter.increment(5).await, Ok(5));
        counter.store().fail_load.set(true);
        assert_eq!(counter.increment(1).await, Err(Failure::new("load failed")));
        assert_eq!(counter.store().saves.get(), 1);
        counter.store().fail_load.set(false);
        assert_eq!(counter.get_counter_value().await, Ok(5));
    });
}

#[test]
fn a_failed_write_fails_the_call_and_the_next_call_works() {
    block_on(async {
        let counter = StoredCounter::new(Flaky::default());
        counter.store().fail_save.set(true);
        assert_eq!(counter.increment(5).await, Err(Failure::new("save failed")));
        assert_eq!(counter.store().saves.get(), 0);
        counter.store().fail_save.set(false);
        assert_eq!(counter.increment(5).await, Ok(5));
    });
}

/// Through the client, a storage failure is `CallError::Failed`, never a
/// value: over the same encoding as the fetch transport's `internal` error.
#[test]
fn a_storage_failure_reaches_the_client_as_a_failed_call() {
    block_on(async {
        let client = CounterClient::in_process(Box::new(StoredCounter::new(Flaky::default())));
        client.transport().server().0.store().fail_load.set(true);
        let error = client.increment(1).await.expect_err("the call fails");
        assert_eq!(error, CallError::Failed(Failure::new("`increment` failed: load failed")));
    });
}

/// Over the fetch protocol, the failure is `500 internal`.
#[test]
fn a_storage_failure_is_the_internal_error_over_fetch() {
    block_on(async {
        let counter = StoredCounter::new(Flaky::default());
        counter.store().fail_save.set(true);
        let reply =
            dogen::protocol::serve(&CounterServer(&counter), "POST", "/__dogen/v1/call/increment", b"[1]").await;
        assert_eq!(reply.status, 500);
        assert_eq!(
            String::from_utf8(reply.body).unwrap(),
            r#"{"error":{"kind":"internal","message":"`increment` failed: save failed"}}"#
        );
    });
}

/// The same calls as the Worker makes, as the Durable Object answers them.
#[test]
fn the_object_answers_over_the_fetch_protocol() {
    block_on(async {
        let counter = StoredCounter::new(MemoryStore::default());
        let server = CounterServer(&counter);
        let call = |path: &'static str, body: &'static [u8]| {
            let server = &server;
            async move {
                let reply = dogen::protocol::serve(server, "POST", path, body).await;
                (reply.status, String::from_utf8(reply.body).unwrap())
            }
        };
        assert_eq!(call("/__dogen/v1/call/increment", b"[5]").await, (200, r#"{"ok":5}"#.into()));
        assert_eq!(call("/__dogen/v1/call/decrement", b"[2]").await, (200, r#"{"ok":3}"#.into()));
        assert_eq!(call("/__dogen/v1/call/getCounterValue", b"[]").await, (200, r#"{"ok":3}"#.into()));
        assert_eq!(call("/__dogen/v1/call/get_counter_value", b"[]").await.0, 404);
        assert_eq!(call("/__dogen/v1/call/increment", b"[]").await.0, 400);
        assert_eq!(counter.store().get(KEY), Some(3));
    });
}

#[test]
fn wrangler_config_matches_the_interface() {
    let config = include_str!("../wrangler.toml");
    let lines: Vec<&str> = config.lines().map(str::trim).collect();
    let binding = format!(r#"name = "{}""#, Client::BINDING);
    let class = format!(r#"class_name = "{}""#, Client::CLASS);
    let migration = format!(r#"new_sqlite_classes = ["{}"]"#, Client::CLASS);
    assert_eq!((Client::BINDING, Client::CLASS), ("COUNTER", "Counter"));
    // The Worker's main is the entry `dogen entry` writes after worker-build,
    // so the class answers native RPC.
    let build = r#"command = "worker-build --release && cargo dogen entry --out build""#;
    for line in [&binding, &class, &migration, r#"main = "build/entry.js""#, build] {
        assert!(lines.contains(&line), "wrangler.toml lacks `{line}`");
    }
}
