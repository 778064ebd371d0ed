#![deny(warnings)]

use dogen::CallError;

#[dogen::durable]
pub trait Parser {
    async fn parse(&self, text: String) -> std::result::Result<i64, String>;
    async fn check(&self, text: String) -> ::core::result::Result<(), String>;
}

struct Decimal;

impl Parser for Decimal {
    async fn parse(&self, text: String) -> std::result::Result<i64, String> {
        text.parse().map_err(|_| format!("not a number: {text}"))
    }
    async fn check(&self, text: String) -> ::core::result::Result<(), String> {
        self.parse(text).await.map(drop)
    }
}

fn main() {
    futures_executor::block_on(async {
        let client = ParserClient::in_process(Box::new(Decimal));
        assert_eq!(client.parse("12".into()).await, Ok(12));
        assert_eq!(client.parse("x".into()).await, Err(CallError::App("not a number: x".into())));
        assert_eq!(client.check("x".into()).await, Err(CallError::App("not a number: x".into())));
    });
}
