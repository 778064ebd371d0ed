#![deny(warnings)]

use std::collections::{BTreeMap, HashMap};

#[dogen::durable]
pub trait Inventory {
    async fn count(&self, stock: HashMap<String, u32>, only: Option<String>) -> u32;
    async fn sorted(&self, stock: std::collections::HashMap<String, u32>) -> BTreeMap<String, u32>;
    async fn names(&self, stock: Vec<(String, u32)>) -> Vec<String>;
    async fn maybe(&self, value: Option<Vec<Option<i64>>>) -> Option<i64>;
}

struct Store;

impl Inventory for Store {
    async fn count(&self, stock: HashMap<String, u32>, only: Option<String>) -> u32 {
        stock.iter().filter(|(k, _)| only.as_ref().is_none_or(|o| o == *k)).map(|(_, v)| v).sum()
    }
    async fn sorted(&self, stock: std::collections::HashMap<String, u32>) -> BTreeMap<String, u32> {
        stock.into_iter().collect()
    }
    async fn names(&self, stock: Vec<(String, u32)>) -> Vec<String> {
        stock.into_iter().map(|(name, _)| name).collect()
    }
    async fn maybe(&self, value: Option<Vec<Option<i64>>>) -> Option<i64> {
        value?.into_iter().flatten().max()
    }
}

fn main() {
    futures_executor::block_on(async {
        let client = InventoryClient::in_process(Box::new(Store));
        let stock: HashMap<String, u32> = [("a".to_owned(), 2), ("b".to_owned(), 3)].into();
        assert_eq!(client.count(stock.clone(), None).await.unwrap(), 5);
        assert_eq!(client.count(stock.clone(), Some("b".into())).await.unwrap(), 3);
        assert_eq!(
            client.sorted(stock).await.unwrap().into_iter().collect::<Vec<_>>(),
            [("a".to_owned(), 2), ("b".to_owned(), 3)]
        );
        assert_eq!(client.names(vec![("x".into(), 1)]).await.unwrap(), ["x"]);
        assert_eq!(client.maybe(Some(vec![Some(1), None, Some(4)])).await.unwrap(), Some(4));
        assert_eq!(client.maybe(None).await.unwrap(), None);
    });
}
