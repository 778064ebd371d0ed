#[dogen::durable]
pub trait Chat {
    async fn web_socket_message(&self, text: String);
}

fn main() {}
