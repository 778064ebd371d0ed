//! `dogen`: see `dogen --help`.

fn main() -> std::process::ExitCode {
    dogen_cli::main(std::env::args_os())
}
