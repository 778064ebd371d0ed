use std::cell::Cell;

// Every mistake below is reported at once, in one expansion: an unknown key
// does not hide the keys after it, and a bad method does not hide the next.
#[dogen::durable(colour = "blue", binding = "MY-COUNTER")]
pub trait Counter {
    const LIMIT: i64;
    fn increment(&self, amount: i64) -> i64;
    async fn reset(&mut self);
    async fn fetch(&self) -> i64;
    #[durable(rename = "get value")]
    async fn get_value(&self) -> i64;
    #[durable(rename = 7)]
    async fn label(&self, name: impl ToString) -> String;
}

// The trait is still emitted as written, so this implementation compiles:
// no "trait not found" cascade.
pub struct Memory(Cell<i64>);

impl Counter for Memory {
    const LIMIT: i64 = 10;
    fn increment(&self, amount: i64) -> i64 {
        self.0.set(self.0.get() + amount);
        self.0.get()
    }
    async fn reset(&mut self) {
        self.0.set(0);
    }
    async fn fetch(&self) -> i64 {
        self.0.get()
    }
    async fn get_value(&self) -> i64 {
        self.0.get()
    }
    async fn label(&self, name: impl ToString) -> String {
        name.to_string()
    }
}

fn main() {
    // Type checking still runs against the emitted trait: this one mistake
    // in ordinary code is reported as a plain type error about `i64`.
    let unit: () = Memory(Cell::new(0)).increment(1);
    let _ = unit;
}
