// `client = false` emits no client: naming it is the compiler's usual
// error, at the use.
#[dogen::durable(client = false)]
pub trait Served {
    async fn get(&self) -> u32;
}

fn main() {
    let _ = ServedClient::<()>::BINDING;
}
