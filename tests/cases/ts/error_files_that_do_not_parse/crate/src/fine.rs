#[derive(serde::Serialize, serde::Deserialize)]
pub struct Good {
    pub value: Vec<(u8, fn())>,
}
