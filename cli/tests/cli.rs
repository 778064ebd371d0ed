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

use dogen_tests::snapshot;

#[test]
fn writes_the_four_files_and_reports() {
    let dir = scratch("writes");
    krate(&dir, COUNTER);
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(report.trim(), "wrote index.ts, env.d.ts, client.ts, runtime.ts in `out`: 1 trait(s), 1 type(s)");
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
    assert_eq!(a.len(), 4);
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
fn a_function_body_is_not_read_but_its_head_is() {
    let dir = scratch("bodies");
    let trait_src = "mod object;\n\n#[dogen::durable]\npub trait Counter {\n    async fn get(&self) -> u8;\n}\n";
    let root = krate(&dir, trait_src);
    // Bodies rustc would refuse (brackets balanced): left to rustc, the
    // interface is written.
    let object = "use crate::Counter;\n\npub struct Object;\n\nimpl Counter for Object {\n    async fn get(&self) -> u8 {\n        let = ;\n    }\n}\n\nfn helper() -> u8 { 1 + }\n";
    fs::write(root.join("src/object.rs"), object).expect("written");
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.join("out/index.ts").exists());
    // A head that does not parse is an error at its place, as before.
    fs::write(root.join("src/object.rs"), "pub struct Object;\n\nfn helper(x: ) -> u8 {\n    1\n}\n").expect("written");
    let output = dogen(&["ts", "krate", "--out", "out2"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    assert_eq!(
        stderr(&output),
        "krate/src/object.rs:3:14: error: unexpected end of input, expected one of: `for`, parentheses, `fn`, `unsafe`, `extern`, identifier, `::`, `<`, `dyn`, square brackets, `*`, `&`, `!`, `impl`, `_`, lifetime\nerror: 1 error(s); nothing was written\n"
    );
}

#[test]
fn an_unsupported_type_is_reported_at_its_place() {
    let dir = scratch("unsupported");
    krate(&dir, "#[dogen::durable]\npub trait Clock {\n    async fn now(&self) -> std::time::Instant;\n}\n");
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    assert_eq!(
        stderr(&output),
        "krate/src/lib.rs:3:28: error: `std::time::Instant` has no TypeScript mapping in dogen; declare its \
         TypeScript type in `[package.metadata.dogen.types]` of the crate's Cargo.toml (docs/typescript.md, \
         \"Mapping types yourself\")\nerror: 1 error(s); nothing was written\n"
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
         #[dogen::durable]\npub trait B {\n    async fn b(&self) -> geo::Point;\n}\n",
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

/// A `Cargo.lock` for `krate` that resolves `dogen` at `version`.
fn lock_dogen(krate: &Path, version: &str) {
    let lock = format!(
        "version = 4\n\n[[package]]\nname = \"dogen\"\nversion = \"{version}\"\n\n[[package]]\nname = \"krate\"\nversion = \"0.1.0\"\ndependencies = [\"dogen\"]\n"
    );
    fs::write(krate.join("Cargo.lock"), lock).expect("Cargo.lock written");
}

#[test]
fn a_crate_on_an_incompatible_dogen_is_refused_with_the_fix() {
    let dir = scratch("version");
    let root = krate(&dir, COUNTER);
    lock_dogen(&root, "0.2.0");
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    let ours = env!("CARGO_PKG_VERSION");
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!(
            "error: `{}` resolves `dogen` 0.2.0, but this dogen command line is {ours}:",
            root.canonicalize().expect("canonical").join("Cargo.lock").display()
        )),
        "{err}"
    );
    assert!(err.contains("cargo install dogen-cli@0.2.0") && err.contains("cargo update -p dogen"), "{err}");
    assert!(!dir.join("out").exists(), "nothing is written for an incompatible crate");
    // The same minor version, another patch: compatible.
    let patch = ours.rsplit_once('.').map(|(minor, _)| format!("{minor}.99")).expect("a semver version");
    lock_dogen(&root, &patch);
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn quiet_prints_nothing_on_success_and_still_reports_errors() {
    let dir = scratch("quiet");
    krate(&dir, COUNTER);
    let output = dogen(&["ts", "krate", "--out", "out", "--quiet"], &dir);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty() && output.stderr.is_empty(), "{output:?}");
    let output = dogen(&["-q", "ts", "missing", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    assert_eq!(stderr(&output), "error: crate directory `missing` does not exist\n");
}

#[cfg(unix)]
#[test]
fn files_whose_contents_did_not_change_are_not_rewritten() {
    use std::os::unix::fs::MetadataExt as _;
    let dir = scratch("unchanged");
    let root = krate(&dir, COUNTER);
    assert_eq!(dogen(&["ts", "krate", "--out", "out"], &dir).status.code(), Some(0));
    let stamp = |name: &str| {
        let meta = fs::metadata(dir.join("out").join(name)).expect("written");
        (meta.ino(), meta.mtime_nsec(), meta.mtime())
    };
    let before: Vec<_> = ["index.ts", "env.d.ts", "client.ts", "runtime.ts"].iter().map(|f| stamp(f)).collect();
    let again = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).trim(),
        "`out` is up to date: index.ts, env.d.ts, client.ts, runtime.ts: 1 trait(s), 1 type(s)"
    );
    let after: Vec<_> = ["index.ts", "env.d.ts", "client.ts", "runtime.ts"].iter().map(|f| stamp(f)).collect();
    assert_eq!(before, after, "a second run rewrote files");
    // A change to a type touches index.ts (and client.ts's doc) only.
    fs::write(root.join("src/lib.rs"), COUNTER.replace("pub value: i64", "pub value: i64,\n    pub at: u32"))
        .expect("changed");
    let changed = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(
        String::from_utf8_lossy(&changed.stdout).trim(),
        "wrote index.ts in `out` (env.d.ts, client.ts, runtime.ts unchanged): 1 trait(s), 1 type(s)"
    );
    assert_eq!(stamp("env.d.ts"), before[1], "env.d.ts did not change and was rewritten");
    assert_ne!(stamp("index.ts"), before[0]);
}

#[test]
fn the_crate_dir_its_ancestors_and_src_are_refused_as_out() {
    let dir = scratch("bad_out");
    let root = krate(&dir, COUNTER);
    for (out, why) in [
        (".", "is the crate directory itself"),
        ("..", "contains the crate directory"),
        ("src/ts", "is inside the crate's `src/`"),
        ("./src", "is inside the crate's `src/`"),
    ] {
        let output = dogen(&["ts", "--out", out], &root);
        assert_eq!(output.status.code(), Some(FAILURE), "--out {out}");
        let err = stderr(&output);
        assert!(err.starts_with(&format!("error: `--out {out}` {why}")), "--out {out}: {err}");
    }
    assert!(!root.join("src/ts").exists());
}

#[test]
fn cargo_dogen_is_the_same_command_line() {
    let dir = scratch("cargo_dogen");
    krate(&dir, COUNTER);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_cargo-dogen")).args(args).current_dir(&dir).output().expect("cargo-dogen runs")
    };
    // As cargo runs it: `cargo dogen ts ...` is `cargo-dogen dogen ts ...`.
    let output = run(&["dogen", "ts", "krate", "--out", "out"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(dir.join("out/index.ts").is_file());
    let help = run(&["dogen", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: cargo dogen [OPTIONS] <COMMAND>"), "{help:?}");
    let version = run(&["dogen", "--version"]);
    assert_eq!(String::from_utf8_lossy(&version.stdout), format!("dogen {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn top_level_help_has_one_line_per_command() {
    let dir = scratch("top_help");
    let output = dogen(&["--help"], &dir);
    let help = String::from_utf8_lossy(&output.stdout);
    let commands: Vec<&str> =
        help.lines().skip_while(|l| !l.starts_with("Commands:")).skip(1).take_while(|l| !l.is_empty()).collect();
    let names: Vec<&str> = commands.iter().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(names, ["ts", "entry", "check", "lock", "wrangler", "new", "help"], "{help}");
    for line in &commands {
        assert!(line.len() <= 100, "wrapped to the terminal (100 columns at most): {line}");
    }
}

#[test]
fn new_writes_a_project_the_other_commands_accept() {
    let dir = scratch("new");
    let output = dogen(&["new", "todo-app", "--dogen-path", "../dogen-checkout/dogen"], &dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let project = dir.join("todo-app");
    let files: Vec<String> = snapshot(&project)
        .into_iter()
        .map(|(p, _)| p.strip_prefix(&project).expect("inside").display().to_string())
        .collect();
    assert_eq!(
        files,
        [
            ".gitignore",
            "Cargo.toml",
            "README.md",
            "caller/package.json",
            "caller/src/index.ts",
            "caller/tsconfig.json",
            "caller/wrangler.toml",
            "src/lib.rs",
            "src/object.rs",
            "wrangler.toml"
        ]
    );
    let manifest = fs::read_to_string(project.join("Cargo.toml")).expect("Cargo.toml");
    let dependency = format!(
        "dogen = {{ path = \"{}\", features = [\"worker\"] }}",
        dir.parent().expect("a parent").join("dogen-checkout/dogen").display()
    );
    assert!(manifest.contains(&dependency), "{manifest}");
    assert!(manifest.contains("name = \"todo-app\"") && manifest.contains("crate-type = [\"cdylib\", \"rlib\"]"));
    // The other commands read it as it is.
    for args in [&["ts", "--out", "ts"][..], &["wrangler", "--check"], &["check", "--out", "ts"], &["lock"]] {
        let output = dogen(args, &project);
        assert_eq!(output.status.code(), Some(0), "dogen {args:?}: {}", stderr(&output));
    }
    assert!(fs::read_to_string(project.join("ts/index.ts")).expect("index.ts").contains("export interface TodoList"));
    // A second `new` into the same directory is refused, writing nothing.
    let again = dogen(&["new", "todo-app"], &dir);
    assert_eq!(again.status.code(), Some(FAILURE));
    assert_eq!(stderr(&again), "error: `todo-app` exists and is not empty; give a new directory\n");
}

#[test]
fn new_refuses_names_that_are_not_crate_and_worker_names() {
    let dir = scratch("new_names");
    let output = dogen(&["new", "Todo_App"], &dir);
    assert_eq!(output.status.code(), Some(FAILURE));
    assert!(stderr(&output).starts_with("error: `Todo_App` cannot name a project"), "{}", stderr(&output));
    assert!(!dir.join("Todo_App").exists());
    let output = dogen(&["new", "Todo_App", "--name", "todo-app"], &dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}
