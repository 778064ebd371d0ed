//! A module that does not parse and a module whose file is missing are
//! reported with their places, beside errors in files that parse.
mod broken;
mod missing;
mod fine;

#[dogen::durable]
pub trait Files {
    async fn go(&self, x: fine::Good) -> Nowhere;
}
