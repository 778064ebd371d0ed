//! The `dogen` binary, run as users run it: messages with `file:line:col`,
//! exit codes, an output directory left alone on error, and byte-identical
//! output across runs. (Here rather than in the `tests` crate because only
//! the binary's own package knows where cargo built it.)

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What `dogen` exits with when the crate has errors or cannot be read.
const FAILURE: i32 = 1;
/// What `dogen` exits with on a command line it does not understand.
const USAGE: i32 = 2;

const COUNTER: &str = "\
use serde::{Deserialize, Serialize};

/// A counter.
#[dogen::durable]
pub trait Counter {
    async fn increment(&self, amount: i64) -> Total;
}

#[derive(Serialize, Deserialize)]
pub struct Total {
    pub value: i64,
}
";

/// A fresh directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-cli").join(test);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("old scratch dir removed");
    }
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A crate in `dir/krate` whose `src/lib.rs` is `lib`.
fn krate(dir: &Path, lib: &str) -> PathBuf {
    let root = dir.join("krate");
    fs::create_dir_all(root.join("src")).expect("src dir");
    fs::write(root.join("src/lib.rs"), lib).expect("lib.rs written");
    root
}

fn dogen(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dogen")).args(args).current_dir(cwd).output().expect("dogen runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `dir`, with its contents, sorted.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("readable dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).expect("readable file");
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn writes_the_three_files_and_reports() {
    let dir = scratch("writes");
    krate(&dir, COUNTER);
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(report.trim(), "wrote index.ts, env.d.ts, client.ts in `out`: 1 trait(s), 1 type(s)");
    let index = fs::read_to_string(dir.join("out/index.ts")).expect("index.ts");
    assert!(index.contains("export interface Counter extends Rpc.DurableObjectBranded {"), "{index}");
    assert!(index.contains("increment(amount: number): Promise<Total>;"), "{index}");
    assert!(dir.join("out/env.d.ts").is_file() && dir.join("out/client.ts").is_file());
}

#[test]
fn two_runs_write_the_same_bytes() {
    let dir = scratch("deterministic");
    krate(&dir, COUNTER);
    assert_eq!(dogen(&["ts", "krate", "--out", "a"], &dir).status.code(), Some(0));
    assert_eq!(dogen(&["ts", "krate", "--out", "b"], &dir).status.code(), Some(0));
    let strip = |s: Vec<(PathBuf, Vec<u8>)>, root: &Path| {
        s.into_iter().map(|(p, b)| (p.strip_prefix(root).expect("under root").to_path_buf(), b)).collect::<Vec<_>>()
    };
    let (a, b) = (strip(snapshot(&dir.join("a")), &dir.join("a")), strip(snapshot(&dir.join("b")), &dir.join("b")));
    assert_eq!(a.len(), 3);
    assert_eq!(a, b);
}

#[test]
fn the_crate_dir_defaults_to_the_current_directory() {
    let dir = scratch("default_dir");
    let root = krate(&dir, COUNTER);
    let output = dogen(&["ts", "--out", "ts"], &root);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(root.join("ts/index.ts").is_file());
}

#[test]
fn a_file_that_does_not_parse_is_reported_at_its_place() {
    let dir = scratch("unparsable");
    let root =
        krate(&dir, "mod broken;\n\n#[dogen::durable]\npub trait Counter {\n    async fn get(&self) -> u8;\n}\n");
    fs::write(root.join("src/broken.rs"), "pub struct Broken {\n    pub a: u8\n    pub b: u8,\n}\n").expect("written");
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    assert_eq!(
        stderr(&output),
        "krate/src/broken.rs:3:5: error: expected `,`\nerror: 1 error(s); nothing was written\n"
    );
    assert!(!dir.join("out").exists(), "nothing is written on error");
}

#[test]
fn an_unsupported_type_is_reported_at_its_place() {
    let dir = scratch("unsupported");
    krate(&dir, "#[dogen::durable]\npub trait Clock {\n    async fn now(&self) -> std::time::SystemTime;\n}\n");
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    assert_eq!(
        stderr(&output),
        "krate/src/lib.rs:3:28: error: `std::time::SystemTime` has no TypeScript mapping in dogen\n\
         error: 1 error(s); nothing was written\n"
    );
}

#[test]
fn a_reserved_method_name_is_reported_like_the_macro_does() {
    let dir = scratch("reserved");
    krate(&dir, "#[dogen::durable]\npub trait Gate {\n    async fn fetch(&self) -> u8;\n}\n");
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    let err = stderr(&output);
    assert!(err.starts_with("krate/src/lib.rs:3:14: error: method `fetch` is reserved"), "{err}");
    assert!(err.ends_with("error: 1 error(s); nothing was written\n"), "{err}");
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let dir = scratch("several");
    krate(
        &dir,
        "#[dogen::durable]\npub trait A {\n    async fn a(&self, x: Missing) -> u8;\n    async fn then(&self);\n}\n\n\
         #[dogen::durable]\npub trait B {\n    async fn b(&self) -> serde_json::Value;\n}\n",
    );
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    let err = stderr(&output);
    let places: Vec<&str> =
        err.lines().filter_map(|l| l.split(": error:").next().filter(|_| l.contains(": error:"))).collect();
    assert_eq!(places, ["krate/src/lib.rs:3:26", "krate/src/lib.rs:4:14", "krate/src/lib.rs:9:26"], "{err}");
    assert!(err.ends_with("error: 3 error(s); nothing was written\n"), "{err}");
}

#[test]
fn a_missing_crate_dir_is_an_error() {
    let dir = scratch("missing_dir");
    let output = dogen(&["ts", "no-such-crate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    assert_eq!(stderr(&output), "error: crate directory `no-such-crate` does not exist\n");
}

#[test]
fn a_crate_without_durable_traits_is_an_error() {
    let dir = scratch("no_traits");
    krate(&dir, "pub struct NotAnInterface;\n");
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    assert_eq!(
        stderr(&output),
        "error: no `#[durable]` trait found in `krate/src/lib.rs` or the modules it declares; \
         dogen reads traits marked `#[dogen::durable]` or `#[durable]`\n"
    );
}

#[test]
fn the_output_dir_is_untouched_on_error() {
    let dir = scratch("untouched");
    let root = krate(&dir, COUNTER);
    assert_eq!(dogen(&["ts", "krate", "--out", "out"], &dir).status.code(), Some(0));
    fs::write(dir.join("out/notes.txt"), "mine").expect("a file of the user's");
    let before = snapshot(&dir.join("out"));
    fs::write(root.join("src/lib.rs"), COUNTER.replace("i64", "std::time::Instant")).expect("broken crate");
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    assert_eq!(snapshot(&dir.join("out")), before, "the output dir changed on error");
    let leftovers: Vec<_> = fs::read_dir(&dir).expect("dir").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(leftovers.len(), 2, "no staging directory is left behind: {leftovers:?}");
}

#[test]
fn other_files_in_the_output_dir_are_kept() {
    let dir = scratch("kept");
    krate(&dir, COUNTER);
    fs::create_dir_all(dir.join("out")).expect("out");
    fs::write(dir.join("out/index.ts"), "stale").expect("stale file");
    fs::write(dir.join("out/mine.ts"), "mine").expect("user file");
    assert_eq!(dogen(&["ts", "krate", "--out", "out"], &dir).status.code(), Some(0));
    assert_ne!(fs::read_to_string(dir.join("out/index.ts")).expect("index"), "stale");
    assert_eq!(fs::read_to_string(dir.join("out/mine.ts")).expect("mine"), "mine");
}

#[test]
fn help_explains_the_command() {
    let dir = scratch("help");
    let output = dogen(&["ts", "--help"], &dir);
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8_lossy(&output.stdout);
    for needle in ["index.ts", "env.d.ts", "client.ts", "[CRATE_DIR]", "--out <DIR>", "wrangler types", "Example:"] {
        assert!(help.contains(needle), "`dogen ts --help` does not mention {needle}:\n{help}");
    }
}

#[test]
fn usage_errors_exit_with_two() {
    let dir = scratch("usage");
    assert_eq!(dogen(&[], &dir).status.code(), Some(USAGE));
    assert_eq!(dogen(&["ts"], &dir).status.code(), Some(USAGE), "--out is required");
    assert_eq!(dogen(&["frobnicate"], &dir).status.code(), Some(USAGE));
}

#[test]
fn check_needs_out_or_breaking() {
    let dir = scratch("check");
    let output = dogen(&["check"], &dir);
    assert_eq!(output.status.code(), Some(USAGE));
    assert!(stderr(&output).contains("--out <DIR>|--breaking"), "{}", stderr(&output));
}
