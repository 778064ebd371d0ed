//! The `dogen` command line, as a library: [`args`] (clap), [`commands`]
//! (one module per command, each a thin layer over `dogen-codegen`) and
//! [`main`], which both binaries run: `dogen` and `cargo-dogen` (so that
//! `cargo dogen ts` works in any project).
#![warn(missing_docs)]

pub mod args;
pub mod commands;
pub mod error;

use std::ffi::OsString;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser as _;

pub use args::{Cli, Command};
pub use commands::{Report, run};
pub use error::Error;

/// Whether the process ends as soon as the command returns: set by
/// [`main`], which the binaries call (and not by [`run`], which tests and
/// other programs call in process).
static EXITS_AFTER: AtomicBool = AtomicBool::new(false);

/// Lets go of a command's large values (the crate's syntax trees and the
/// model built from them): freed as usual in process, but left to the
/// operating system when the process ends next, which reclaims them at
/// once where freeing them piece by piece takes a tenth of a large run.
pub(crate) fn release<T>(value: T) {
    if EXITS_AFTER.load(Ordering::Relaxed) {
        std::mem::forget(value);
    }
}

/// Parses `args` (the program name first), runs the command and prints
/// its report, or its error once, on stderr. Returns the exit status.
/// The process is expected to end when it returns (the model and syntax are left to the OS at exit rather than freed).
pub fn main(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    EXITS_AFTER.store(true, Ordering::Relaxed);
    heap::use_huge_pages();
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        // clap prints help and version on stdout (status 0) and usage
        // errors on stderr (status 2).
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    match run(&cli) {
        Ok(report) => {
            if !cli.quiet && !report.0.is_empty() {
                println!("{}", report.0);
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            error.print();
            ExitCode::from(error.exit_code(&cli.command))
        }
    }
}

/// The heap of a short run that builds one large model. Reading a large
/// crate keeps its interface model (tens of megabytes of syntax trees) to
/// the end, and with 4 KiB pages the kernel's page faults on that memory
/// cost a third as much as parsing the crate. Backing the heap with
/// transparent huge pages takes those faults down to a handful.
mod heap {
    /// How much address space the heap reserves at once (untouched pages
    /// cost nothing): the model of the largest crates fits in it, and the
    /// heap grows past it in ordinary pages.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    const RESERVE: usize = 256 << 20;

    /// glibc: one heap, grown once by [`RESERVE`] and never given back, for
    /// allocations of any size; its address space marked for transparent
    /// huge pages (which the kernel uses where its settings allow). Where
    /// the reserve cannot be had, the heap grows as usual.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    pub fn use_huge_pages() {
        const HUGE_PAGE: usize = 2 << 20;
        // SAFETY: mallopt, sbrk(0), malloc, free and madvise with glibc's
        // own parameters; sbrk(0) only reads the break, and madvise only
        // advises about address space the heap owns.
        unsafe {
            let before = libc::sbrk(0) as usize;
            if libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20) == 0
                || libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX) == 0
                || libc::mallopt(libc::M_TOP_PAD, RESERVE as i32) == 0
            {
                return;
            }
            // Grow the heap now, by the reserve, then by glibc's default step.
            let block = std::hint::black_box(libc::malloc(HUGE_PAGE));
            libc::free(block);
            libc::mallopt(libc::M_TOP_PAD, 128 << 10);
            let after = libc::sbrk(0) as usize;
            let start = before.next_multiple_of(HUGE_PAGE);
            if after > start {
                libc::madvise(start as *mut libc::c_void, after - start, libc::MADV_HUGEPAGE);
            }
        }
    }

    /// Elsewhere the allocator is left as it is.
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    pub fn use_huge_pages() {}
}
