#[dogen::object()]
pub struct CounterObject {}

fn main() {}
