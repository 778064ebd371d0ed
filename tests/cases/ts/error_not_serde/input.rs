//! A struct or enum without serde's derives has no wire form dogen can
//! read (a hand-written `impl Serialize` writes whatever it writes).
#[dogen::durable]
pub trait Handmade {
    async fn go(&self, h: Handwritten) -> Plain;
}

pub struct Handwritten {
    pub a: u8,
}

impl serde::Serialize for Handwritten {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.a)
    }
}

#[derive(Debug, Clone)]
pub enum Plain {
    A,
}
