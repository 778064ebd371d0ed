//! `dogen`: see `dogen --help`.

/// mimalloc rather than the system's allocator: a run parses every file of
/// the crate and keeps its interface model (tens of megabytes of syntax
/// trees on large crates) to the end, a pattern on which mimalloc makes the
/// whole of `dogen ts` about a fifth faster than glibc's malloc (measured by
/// `bash tests/bench/run ts`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dogen_cli::main(std::env::args_os())
}
