//! `Vec`, slices, `VecDeque`, sets, `LinkedList` and `BinaryHeap` are
//! arrays.
use std::collections::{BTreeSet, BinaryHeap, HashSet, LinkedList, VecDeque};

#[dogen::durable]
pub trait Sequences {
    async fn vec(&self, items: Vec<String>) -> Vec<u8>;
    async fn slice(&self, items: &[i32]) -> VecDeque<i32>;
    async fn sets(&self, a: HashSet<String>, b: BTreeSet<u16>) -> std::collections::HashSet<char>;
    async fn others(&self, a: LinkedList<bool>, b: BinaryHeap<u32>) -> Vec<Vec<f64>>;
    async fn holes(&self, items: Vec<Option<String>>) -> Vec<Option<Vec<u8>>>;
}
