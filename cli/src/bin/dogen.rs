//! `dogen`: see `dogen --help`.

/// mimalloc rather than the system's allocator: a run parses every file of
/// the crate and keeps its interface model (tens of megabytes of syntax
/// trees on large crates) to the end, a pattern on which mimalloc makes the
/// whole of `dogen ts` about a fifth faster than glibc's malloc (measured by
/// `bash tests/bench/run ts`). Its v2 line (cli/Cargo.toml) rather than v3:
/// on the bench's crate v3 runs the same instructions but holds 74 MB where
/// v2 holds 57 MB, and every page a run touches first is a page fault.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dogen_cli::main(std::env::args_os())
}
