//! Containers: `Option`, `Vec`, slices, arrays, tuples, maps with string and
//! integer keys, and structs nested in all of them.

use std::collections::{BTreeMap, HashMap};

use dogen::ProtocolErrorKind;
use futures_executor::block_on;
use serde::{Deserialize, Serialize};

use crate::{raw_ok, rejects};

/// A point on a grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

/// A named shape with optional and keyed parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Polygon {
    pub name: String,
    pub points: Vec<Point>,
    pub origin: Option<Point>,
    pub tags: BTreeMap<String, String>,
}

/// Structs three levels deep, with a map and a tuple of structs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scene {
    pub polygons: Vec<Polygon>,
    pub layers: HashMap<u32, Vec<String>>,
    pub bounds: (Point, Point),
}

/// Methods over every container shape.
#[dogen::durable]
pub trait Containers {
    async fn maybe_double(&self, v: Option<u32>) -> Option<u64>;
    async fn first_word(&self, s: &str) -> Option<String>;
    async fn reverse(&self, v: Vec<i32>) -> Vec<i32>;
    async fn sum_slice(&self, v: &[u64]) -> u64;
    async fn join(&self, parts: &[String], sep: &str) -> String;
    async fn centroid(&self, points: &[Point]) -> Option<Point>;
    async fn rotate(&self, a: [u8; 4]) -> [u8; 4];
    async fn names(&self) -> [String; 3];
    async fn swap(&self, pair: (i32, String)) -> (String, i32);
    async fn flip(&self, t: (bool, char, f64)) -> (f64, char, bool);
    async fn word_lengths(&self, words: Vec<String>) -> HashMap<String, usize>;
    async fn invert(&self, m: HashMap<u32, String>) -> BTreeMap<String, u32>;
    async fn shift_keys(&self, m: BTreeMap<i64, bool>, by: i64) -> BTreeMap<i64, bool>;
    async fn count_some(&self, grid: Vec<Vec<Option<u8>>>) -> usize;
    async fn scale(&self, scene: Scene, factor: i32) -> Scene;
    async fn outline(&self, polygon: &Polygon) -> Vec<(i32, i32)>;
}

struct Impl;

impl Containers for Impl {
    async fn maybe_double(&self, v: Option<u32>) -> Option<u64> {
        v.map(|v| u64::from(v) * 2)
    }
    async fn first_word(&self, s: &str) -> Option<String> {
        s.split_whitespace().next().map(str::to_owned)
    }
    async fn reverse(&self, mut v: Vec<i32>) -> Vec<i32> {
        v.reverse();
        v
    }
    async fn sum_slice(&self, v: &[u64]) -> u64 {
        v.iter().sum()
    }
    async fn join(&self, parts: &[String], sep: &str) -> String {
        parts.join(sep)
    }
    async fn centroid(&self, points: &[Point]) -> Option<Point> {
        let n = i32::try_from(points.len()).ok().filter(|&n| n > 0)?;
        let (x, y) = points.iter().fold((0, 0), |(x, y), p| (x + p.x, y + p.y));
        Some(Point { x: x / n, y: y / n })
    }
    async fn rotate(&self, a: [u8; 4]) -> [u8; 4] {
        [a[1], a[2], a[3], a[0]]
    }
    async fn names(&self) -> [String; 3] {
        ["ada".into(), "bo".into(), "cy".into()]
    }
    async fn swap(&self, pair: (i32, String)) -> (String, i32) {
        (pair.1, pair.0)
    }
    async fn flip(&self, t: (bool, char, f64)) -> (f64, char, bool) {
        (t.2, t.1, t.0)
    }
    async fn word_lengths(&self, words: Vec<String>) -> HashMap<String, usize> {
        words.into_iter().map(|w| (w.clone(), w.len())).collect()
    }
    async fn invert(&self, m: HashMap<u32, String>) -> BTreeMap<String, u32> {
        m.into_iter().map(|(k, v)| (v, k)).collect()
    }
    async fn shift_keys(&self, m: BTreeMap<i64, bool>, by: i64) -> BTreeMap<i64, bool> {
        m.into_iter().map(|(k, v)| (k + by, v)).collect()
    }
    async fn count_some(&self, grid: Vec<Vec<Option<u8>>>) -> usize {
        grid.iter().flatten().filter(|c| c.is_some()).count()
    }
    async fn scale(&self, mut scene: Scene, factor: i32) -> Scene {
        let scale = |p: &mut Point| *p = Point { x: p.x * factor, y: p.y * factor };
        for polygon in &mut scene.polygons {
            polygon.points.iter_mut().for_each(scale);
            polygon.origin.as_mut().map(scale);
        }
        scale(&mut scene.bounds.0);
        scale(&mut scene.bounds.1);
        scene
    }
    async fn outline(&self, polygon: &Polygon) -> Vec<(i32, i32)> {
        polygon.points.iter().map(|p| (p.x, p.y)).collect()
    }
}

fn client() -> ContainersClient<dogen::InProcess<ContainersServer<Box<Impl>>>> {
    ContainersClient::in_process(Box::new(Impl))
}

fn square() -> Polygon {
    Polygon {
        name: "square".into(),
        points: vec![Point { x: 0, y: 0 }, Point { x: 2, y: 0 }, Point { x: 2, y: 2 }, Point { x: 0, y: 2 }],
        origin: Some(Point { x: 1, y: 1 }),
        tags: BTreeMap::from([("color".into(), "red".into()), ("z".into(), "1".into())]),
    }
}

#[test]
fn options_carry_some_and_none() {
    block_on(async {
        let c = client();
        assert_eq!(c.maybe_double(Some(21)).await, Ok(Some(42)));
        assert_eq!(c.maybe_double(Some(u32::MAX)).await, Ok(Some(u64::from(u32::MAX) * 2)));
        assert_eq!(c.maybe_double(None).await, Ok(None));
        assert_eq!(c.first_word("  hello world").await, Ok(Some("hello".into())));
        assert_eq!(c.first_word("   ").await, Ok(None));
    });
    let server = ContainersServer(&Impl);
    assert_eq!(raw_ok(&server, "maybeDouble", "[null]"), "null");
    assert_eq!(raw_ok(&server, "maybeDouble", "[4]"), "8");
}

#[test]
fn vecs_and_slices() {
    block_on(async {
        let c = client();
        assert_eq!(c.reverse(vec![1, -2, 3]).await, Ok(vec![3, -2, 1]));
        assert_eq!(c.reverse(Vec::new()).await, Ok(Vec::new()));
        assert_eq!(c.sum_slice(&[1, 2, u64::MAX - 3]).await, Ok(u64::MAX));
        assert_eq!(c.sum_slice(&[]).await, Ok(0));
        let parts = ["a".to_owned(), "b".into(), "c".into()];
        assert_eq!(c.join(&parts, ", ").await, Ok("a, b, c".into()));
        assert_eq!(c.join(&parts[1..], "").await, Ok("bc".into()));
        let points = [Point { x: 0, y: 0 }, Point { x: 4, y: 6 }];
        assert_eq!(c.centroid(&points).await, Ok(Some(Point { x: 2, y: 3 })));
        assert_eq!(c.centroid(&[]).await, Ok(None));
        let grid = vec![vec![Some(1), None], vec![], vec![None, Some(0), Some(255)]];
        assert_eq!(c.count_some(grid).await, Ok(3));
    });
    let server = ContainersServer(&Impl);
    assert_eq!(raw_ok(&server, "join", r#"[["x","y"], "-"]"#), r#""x-y""#);
    rejects(&server, "sumSlice", br#"[[1, "2"]]"#, ProtocolErrorKind::BadArguments);
}

#[test]
fn arrays_have_a_fixed_length() {
    block_on(async {
        let c = client();
        assert_eq!(c.rotate([1, 2, 3, 4]).await, Ok([2, 3, 4, 1]));
        assert_eq!(c.names().await, Ok(["ada".to_owned(), "bo".into(), "cy".into()]));
    });
    let server = ContainersServer(&Impl);
    assert_eq!(raw_ok(&server, "rotate", "[[9, 8, 7, 6]]"), "[8,7,6,9]");
    rejects(&server, "rotate", b"[[1, 2, 3]]", ProtocolErrorKind::BadArguments);
    rejects(&server, "rotate", b"[[1, 2, 3, 4, 5]]", ProtocolErrorKind::BadArguments);
}

#[test]
fn tuples_are_json_arrays() {
    block_on(async {
        let c = client();
        assert_eq!(c.swap((-7, "seven".into())).await, Ok(("seven".into(), -7)));
        assert_eq!(c.flip((true, 'q', -0.25)).await, Ok((-0.25, 'q', true)));
    });
    let server = ContainersServer(&Impl);
    assert_eq!(raw_ok(&server, "swap", r#"[[1, "one"]]"#), r#"["one",1]"#);
    rejects(&server, "swap", br#"[["one", 1]]"#, ProtocolErrorKind::BadArguments);
}

#[test]
fn maps_with_string_keys() {
    block_on(async {
        let c = client();
        let words = vec!["a".to_owned(), "héllo".into(), String::new()];
        let expected = HashMap::from([("a".to_owned(), 1), ("héllo".into(), 6), (String::new(), 0)]);
        assert_eq!(c.word_lengths(words).await, Ok(expected));
        assert_eq!(c.word_lengths(Vec::new()).await, Ok(HashMap::new()));
    });
}

#[test]
fn maps_with_integer_keys() {
    block_on(async {
        let c = client();
        let m = HashMap::from([(1, "one".to_owned()), (u32::MAX, "max".into())]);
        assert_eq!(c.invert(m).await, Ok(BTreeMap::from([("max".to_owned(), u32::MAX), ("one".into(), 1)])));
        let m = BTreeMap::from([(-5, true), (0, false), (i64::MAX - 1, true)]);
        assert_eq!(c.shift_keys(m, 1).await, Ok(BTreeMap::from([(-4, true), (1, false), (i64::MAX, true)])));
    });
    // JSON object keys are strings; integer keys travel as their decimal text.
    let server = ContainersServer(&Impl);
    assert_eq!(raw_ok(&server, "shiftKeys", r#"[{"-1": true, "10": false}, 5]"#), r#"{"4":true,"15":false}"#);
    rejects(&server, "shiftKeys", br#"[{"one": true}, 0]"#, ProtocolErrorKind::BadArguments);
}

#[test]
fn nested_structs_round_trip() {
    block_on(async {
        let c = client();
        let scene = Scene {
            polygons: vec![
                square(),
                Polygon { name: "empty".into(), points: Vec::new(), origin: None, tags: BTreeMap::new() },
            ],
            layers: HashMap::from([(0, vec!["ground".into()]), (7, Vec::new())]),
            bounds: (Point { x: -1, y: -1 }, Point { x: 3, y: 3 }),
        };
        let mut expected = scene.clone();
        expected.polygons[0].points =
            vec![Point { x: 0, y: 0 }, Point { x: -4, y: 0 }, Point { x: -4, y: -4 }, Point { x: 0, y: -4 }];
        expected.polygons[0].origin = Some(Point { x: -2, y: -2 });
        expected.bounds = (Point { x: 2, y: 2 }, Point { x: -6, y: -6 });
        assert_eq!(c.scale(scene, -2).await, Ok(expected));
        assert_eq!(c.outline(&square()).await, Ok(vec![(0, 0), (2, 0), (2, 2), (0, 2)]));
    });
    let server = ContainersServer(&Impl);
    let missing_field = br#"[{"name": "p", "points": [{"x": 1}], "origin": null, "tags": {}}]"#;
    let message = rejects(&server, "outline", missing_field, ProtocolErrorKind::BadArguments);
    assert!(message.contains("missing field `y`"), "{message}");
}
