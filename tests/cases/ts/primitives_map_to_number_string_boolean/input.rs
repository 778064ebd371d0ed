//! Every primitive: integers (but 128-bit ones, see
//! `error_wide_integers`) and floats of every width are `number`, `char`
//! and strings are `string`, `bool` is `boolean`, `()` is `null`.

#[dogen::durable]
pub trait Primitives {
    async fn signed(&self, a: i8, b: i16, c: i32, d: i64, f: isize) -> i64;
    async fn unsigned(&self, a: u8, b: u16, c: u32, d: u64, f: usize) -> u64;
    async fn floats(&self, a: f32, b: f64) -> f32;
    async fn text(&self, c: char, owned: String, borrowed: &str) -> char;
    async fn flag(&self, on: bool) -> bool;
    async fn unit(&self, nothing: ()) -> ();
}
