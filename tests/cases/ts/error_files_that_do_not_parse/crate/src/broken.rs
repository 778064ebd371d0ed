pub struct Broken {
    pub a: u8
    pub b: u8,
}
