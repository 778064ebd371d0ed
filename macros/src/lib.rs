//! The `#[durable]` attribute. All the work happens in `dogen-interface`, so
//! this crate and the `dogen` command line read traits the same way.

use proc_macro::TokenStream;

/// Describes a Durable Object's interface as a trait and emits, next to it,
/// the server dispatch (`<Trait>Server<T>`) and a typed client
/// (`<Trait>Client<T>`).
///
/// ```ignore
/// #[dogen::durable(binding = "COUNTER", class = "Counter")]
/// pub trait Counter {
///     async fn increment(&self, amount: i64) -> i64;
///     #[durable(rename = "peek")]
///     async fn get_counter_value(&self) -> i64;
/// }
/// ```
///
/// Trait keys: `binding` (default: the trait name in SCREAMING_SNAKE_CASE),
/// `class` (default: the trait name), `sqlite` (default: `true`; `false`
/// makes `dogen wrangler` create the class with key-value storage), `client`
/// (default: `true`; `false` leaves out `CounterClient`, for a crate that
/// only serves the object and compiles faster without it). Method
/// key: `rename` (default: the method name in lowerCamelCase). See the
/// `dogen` crate for the rules.
#[proc_macro_attribute]
pub fn durable(args: TokenStream, input: TokenStream) -> TokenStream {
    dogen_interface::expand(args.into(), input.into()).into()
}

/// Serves a `#[durable]` trait over native Workers RPC from a workers-rs
/// `#[durable_object]` struct. Put it above `#[durable_object]`.
///
/// ```ignore
/// #[dogen::object(Counter)]                  // the struct implements `Counter`
/// #[dogen::object(Counter, field = counter)] // `self.counter` implements it
/// ```
///
/// On wasm32 with dogen's `worker` feature this exports
/// `__dogen_call(method, args)` on the class, which the entry module written
/// by `dogen ts` calls from its `extends DurableObject` class.
#[proc_macro_attribute]
pub fn object(args: TokenStream, input: TokenStream) -> TokenStream {
    dogen_interface::expand_object(args.into(), input.into()).into()
}
