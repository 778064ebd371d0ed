//! The limiter's logic, natively, through the generated client and the
//! in-process transport.

use dogen::CallError;
use futures_executor::block_on;
use limiter::{Event, LimitError, Limiter, LimitsClient, MemoryStore, Policy};

type Client = LimitsClient<dogen::InProcess<limiter::LimitsServer<Box<Limiter<MemoryStore>>>>>;

fn client() -> Client {
    LimitsClient::in_process(Box::new(Limiter::new(MemoryStore::default())))
}

fn policy(capacity: u32, refill: f64) -> Policy {
    Policy { capacity, refill_per_second: refill, label: Some("test".into()) }
}

#[test]
fn refuses_before_it_is_configured() {
    block_on(async {
        let limiter = client();
        assert_eq!(limiter.acquire("a", 1, 0).await, Err(CallError::App(LimitError::NotConfigured)));
    });
}

#[test]
fn configure_returns_the_previous_policy_and_rejects_bad_ones() {
    block_on(async {
        let limiter = client();
        assert_eq!(limiter.configure(policy(5, 1.0)).await, Ok(None));
        assert_eq!(limiter.configure(policy(7, 2.0)).await, Ok(Some(policy(5, 1.0))));
        let bad = limiter.configure(policy(0, 1.0)).await;
        assert!(matches!(bad, Err(CallError::App(LimitError::InvalidPolicy(_)))), "{bad:?}");
        let bad = limiter.configure(policy(1, -1.0)).await;
        assert!(matches!(bad, Err(CallError::App(LimitError::InvalidPolicy(_)))), "{bad:?}");
    });
}

#[test]
fn grants_until_empty_then_refills_with_time() {
    block_on(async {
        let limiter = client();
        limiter.configure(policy(3, 2.0)).await.unwrap();
        let t0 = 1_700_000_000_000_i64;
        assert_eq!(limiter.acquire("k", 2, t0).await.unwrap().remaining, 1.0);
        assert_eq!(
            limiter.acquire("k", 2, t0).await,
            Err(CallError::App(LimitError::RateLimited { retry_after_ms: 500 }))
        );
        let grant = limiter.acquire("k", 2, t0 + 500).await.unwrap();
        assert_eq!((grant.remaining, grant.granted_total), (0.0, 4));
        let usage = limiter.usage("k".into()).await.unwrap().unwrap();
        assert_eq!(usage.updated_at_ms, t0 + 500);
        assert_eq!(limiter.usage("other".into()).await.unwrap(), None);
    });
}

#[test]
fn keys_are_independent_and_listed_in_order() {
    block_on(async {
        let limiter = client();
        limiter.configure(policy(1, 1.0)).await.unwrap();
        limiter.acquire("b", 1, 0).await.unwrap();
        limiter.acquire("a", 1, 0).await.unwrap();
        let keys: Vec<String> = limiter.buckets().await.unwrap().into_keys().collect();
        assert_eq!(keys, ["a", "b"]);
    });
}

#[test]
fn history_and_reset() {
    block_on(async {
        let limiter = client();
        limiter.configure(policy(1, 1.0)).await.unwrap();
        limiter.acquire("a", 1, 10).await.unwrap();
        limiter.acquire("a", 1, 10).await.unwrap_err();
        assert_eq!(limiter.reset(None).await.unwrap(), 1);
        assert_eq!(limiter.reset(Some("a".into())).await.unwrap(), 0);
        let history = limiter.history(Some(3)).await.unwrap();
        assert_eq!(
            history,
            vec![
                Event::Denied { key: "a".into(), retry_after_ms: 1000 },
                Event::Reset { key: None },
                Event::Reset { key: Some("a".into()) },
            ]
        );
        assert_eq!(limiter.history(None).await.unwrap().len(), 4);
    });
}

#[test]
fn large_timestamps_survive_the_round_trip() {
    block_on(async {
        let limiter = client();
        limiter.configure(policy(1, 1.0)).await.unwrap();
        let late = i64::MAX - 1;
        limiter.acquire("t", 1, late).await.unwrap();
        assert_eq!(limiter.usage("t".into()).await.unwrap().unwrap().updated_at_ms, late);
    });
}
