//! `cargo-dogen`: cargo runs it for `cargo dogen ...`, passing `dogen` as
//! the first argument; it is the `dogen` command line.

/// The allocator of `dogen` (see src/bin/dogen.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "dogen") {
        args.remove(1);
    }
    if let Some(program) = args.first_mut() {
        *program = "cargo dogen".into();
    }
    dogen_cli::main(args)
}
