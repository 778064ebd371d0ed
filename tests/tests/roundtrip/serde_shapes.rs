//! serde attributes change the wire form, not the round trip: renamed
//! fields, `rename_all`, and the four enum representations.

use dogen::ProtocolErrorKind;
use futures_executor::block_on;
use serde::{Deserialize, Serialize};

use crate::{raw_ok, rejects};

/// Fields renamed one by one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    #[serde(rename = "userName")]
    pub user: String,
    #[serde(rename = "ID")]
    pub id: u64,
    pub balance_cents: i64,
}

/// Fields renamed all at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub display_name: String,
    pub created_at_ms: u64,
    pub is_admin: bool,
}

/// Unit variants renamed all at once.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Level {
    Low,
    VeryHigh,
}

/// Externally tagged (serde's default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Figure {
    Circle { radius: f64 },
    Square(f64),
    Rect(f64, f64),
    Dot,
}

/// Internally tagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    Created { id: u32 },
    Renamed { id: u32, name: String },
    Cleared,
}

/// Adjacently tagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Message {
    Text(String),
    Move { x: i32, y: i32 },
    Pair(u8, u8),
    Quit,
}

/// Untagged: the first variant that fits wins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Loose {
    Number(i64),
    Text(String),
    List(Vec<i64>),
    Pair { a: bool, b: bool },
}

/// Methods taking and returning serde-attributed types.
#[dogen::durable]
pub trait Shapes {
    async fn credit(&self, account: Account, cents: i64) -> Account;
    async fn profile(&self, name: &str) -> Profile;
    async fn raise(&self, level: Level) -> Level;
    async fn grow(&self, figure: Figure) -> Figure;
    async fn replay(&self, events: Vec<Event>) -> Vec<Event>;
    async fn answer(&self, message: Message) -> Message;
    async fn widen(&self, value: Loose) -> Loose;
}

struct Impl;

impl Shapes for Impl {
    async fn credit(&self, mut account: Account, cents: i64) -> Account {
        account.balance_cents += cents;
        account
    }
    async fn profile(&self, name: &str) -> Profile {
        Profile { display_name: name.to_uppercase(), created_at_ms: 1_700_000_000_000, is_admin: name == "root" }
    }
    async fn raise(&self, level: Level) -> Level {
        match level {
            Level::Low => Level::VeryHigh,
            Level::VeryHigh => Level::Low,
        }
    }
    async fn grow(&self, figure: Figure) -> Figure {
        match figure {
            Figure::Circle { radius } => Figure::Circle { radius: radius * 2.0 },
            Figure::Square(side) => Figure::Rect(side, side * 2.0),
            Figure::Rect(w, h) => Figure::Square(w.max(h)),
            Figure::Dot => Figure::Circle { radius: 1.0 },
        }
    }
    async fn replay(&self, events: Vec<Event>) -> Vec<Event> {
        events
            .into_iter()
            .rev()
            .map(|e| match e {
                Event::Created { id } => Event::Renamed { id, name: format!("#{id}") },
                other => other,
            })
            .collect()
    }
    async fn answer(&self, message: Message) -> Message {
        match message {
            Message::Text(t) => Message::Text(format!("re: {t}")),
            Message::Move { x, y } => Message::Move { x: -x, y: -y },
            Message::Pair(a, b) => Message::Pair(b, a),
            Message::Quit => Message::Quit,
        }
    }
    async fn widen(&self, value: Loose) -> Loose {
        match value {
            Loose::Number(n) => Loose::Number(n + 1),
            Loose::Text(t) => Loose::Text(t + "!"),
            Loose::List(mut v) => {
                v.push(v.len() as i64);
                Loose::List(v)
            }
            Loose::Pair { a, b } => Loose::Pair { a: b, b: a },
        }
    }
}

fn client() -> ShapesClient<dogen::InProcess<ShapesServer<Box<Impl>>>> {
    ShapesClient::in_process(Box::new(Impl))
}

#[test]
fn renamed_fields() {
    block_on(async {
        let c = client();
        let account = Account { user: "ann".into(), id: u64::MAX, balance_cents: -5 };
        assert_eq!(c.credit(account.clone(), 105).await, Ok(Account { balance_cents: 100, ..account }));
    });
    let server = ShapesServer(&Impl);
    assert_eq!(
        raw_ok(&server, "credit", r#"[{"userName": "bo", "ID": 7, "balance_cents": 0}, 3]"#),
        r#"{"userName":"bo","ID":7,"balance_cents":3}"#
    );
    let message = rejects(
        &server,
        "credit",
        br#"[{"user": "bo", "id": 7, "balance_cents": 0}, 3]"#,
        ProtocolErrorKind::BadArguments,
    );
    assert!(message.contains("missing field `userName`"), "{message}");
}

#[test]
fn rename_all() {
    block_on(async {
        let c = client();
        let expected = Profile { display_name: "ROOT".into(), created_at_ms: 1_700_000_000_000, is_admin: true };
        assert_eq!(c.profile("root").await, Ok(expected));
        assert_eq!(c.raise(Level::Low).await, Ok(Level::VeryHigh));
        assert_eq!(c.raise(Level::VeryHigh).await, Ok(Level::Low));
    });
    let server = ShapesServer(&Impl);
    assert_eq!(
        raw_ok(&server, "profile", r#"["x"]"#),
        r#"{"displayName":"X","createdAtMs":1700000000000,"isAdmin":false}"#
    );
    assert_eq!(raw_ok(&server, "raise", r#"["VERY_HIGH"]"#), r#""LOW""#);
    rejects(&server, "raise", br#"["VeryHigh"]"#, ProtocolErrorKind::BadArguments);
}

#[test]
fn externally_tagged_enums() {
    block_on(async {
        let c = client();
        assert_eq!(c.grow(Figure::Circle { radius: 1.5 }).await, Ok(Figure::Circle { radius: 3.0 }));
        assert_eq!(c.grow(Figure::Square(2.0)).await, Ok(Figure::Rect(2.0, 4.0)));
        assert_eq!(c.grow(Figure::Rect(1.0, 5.0)).await, Ok(Figure::Square(5.0)));
        assert_eq!(c.grow(Figure::Dot).await, Ok(Figure::Circle { radius: 1.0 }));
    });
    let server = ShapesServer(&Impl);
    assert_eq!(raw_ok(&server, "grow", r#"[{"Circle": {"radius": 0.5}}]"#), r#"{"Circle":{"radius":1.0}}"#);
    assert_eq!(raw_ok(&server, "grow", r#"[{"Square": 3.0}]"#), r#"{"Rect":[3.0,6.0]}"#);
    assert_eq!(raw_ok(&server, "grow", r#"["Dot"]"#), r#"{"Circle":{"radius":1.0}}"#);
    rejects(&server, "grow", br#"["Hexagon"]"#, ProtocolErrorKind::BadArguments);
}

#[test]
fn internally_tagged_enums() {
    block_on(async {
        let c = client();
        let events = vec![Event::Created { id: 1 }, Event::Cleared, Event::Renamed { id: 2, name: "b".into() }];
        let expected = vec![
            Event::Renamed { id: 2, name: "b".into() },
            Event::Cleared,
            Event::Renamed { id: 1, name: "#1".into() },
        ];
        assert_eq!(c.replay(events).await, Ok(expected));
        assert_eq!(c.replay(Vec::new()).await, Ok(Vec::new()));
    });
    let server = ShapesServer(&Impl);
    assert_eq!(
        raw_ok(&server, "replay", r#"[[{"type": "created", "id": 4}, {"type": "cleared"}]]"#),
        r##"[{"type":"cleared"},{"type":"renamed","id":4,"name":"#4"}]"##
    );
    rejects(&server, "replay", br#"[[{"id": 4}]]"#, ProtocolErrorKind::BadArguments);
}

#[test]
fn adjacently_tagged_enums() {
    block_on(async {
        let c = client();
        assert_eq!(c.answer(Message::Text("hi".into())).await, Ok(Message::Text("re: hi".into())));
        assert_eq!(c.answer(Message::Move { x: 1, y: -2 }).await, Ok(Message::Move { x: -1, y: 2 }));
        assert_eq!(c.answer(Message::Pair(1, 2)).await, Ok(Message::Pair(2, 1)));
        assert_eq!(c.answer(Message::Quit).await, Ok(Message::Quit));
    });
    let server = ShapesServer(&Impl);
    assert_eq!(
        raw_ok(&server, "answer", r#"[{"t": "Move", "c": {"x": 3, "y": 4}}]"#),
        r#"{"t":"Move","c":{"x":-3,"y":-4}}"#
    );
    assert_eq!(raw_ok(&server, "answer", r#"[{"t": "Pair", "c": [5, 6]}]"#), r#"{"t":"Pair","c":[6,5]}"#);
    assert_eq!(raw_ok(&server, "answer", r#"[{"t": "Quit"}]"#), r#"{"t":"Quit"}"#);
    rejects(&server, "answer", br#"[{"Text": "hi"}]"#, ProtocolErrorKind::BadArguments);
}

#[test]
fn untagged_enums() {
    block_on(async {
        let c = client();
        assert_eq!(c.widen(Loose::Number(i64::MAX - 1)).await, Ok(Loose::Number(i64::MAX)));
        assert_eq!(c.widen(Loose::Text("hey".into())).await, Ok(Loose::Text("hey!".into())));
        assert_eq!(c.widen(Loose::List(vec![7, 7])).await, Ok(Loose::List(vec![7, 7, 2])));
        assert_eq!(c.widen(Loose::Pair { a: true, b: false }).await, Ok(Loose::Pair { a: false, b: true }));
    });
    let server = ShapesServer(&Impl);
    assert_eq!(raw_ok(&server, "widen", "[41]"), "42");
    assert_eq!(raw_ok(&server, "widen", r#"["a"]"#), r#""a!""#);
    assert_eq!(raw_ok(&server, "widen", "[[]]"), "[0]");
    assert_eq!(raw_ok(&server, "widen", r#"[{"a": false, "b": true}]"#), r#"{"a":true,"b":false}"#);
    rejects(&server, "widen", b"[1.5]", ProtocolErrorKind::BadArguments);
}
