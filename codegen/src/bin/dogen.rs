//! The `dogen` command line.

fn main() {
    eprintln!("dogen: no subcommands yet");
    std::process::exit(2);
}
