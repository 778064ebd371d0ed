pub mod shapes;

pub use shapes::Square as Reexported;
