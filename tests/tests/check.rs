//! `dogen check`: drift between a crate and its generated TypeScript
//! (changed, missing and extra files, reported with a unified diff and
//! never written), the exit codes it maps to, and `--breaking` against the
//! working copy's lock and a git revision's.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use clap::Parser as _;
use dogen_cli::{Cli, Error};

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

/// A fresh directory holding a crate (`krate/src/lib.rs` = `lib`).
fn scratch(test: &str, lib: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-check").join(test);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("old scratch dir removed");
    }
    fs::create_dir_all(dir.join("krate/src")).expect("scratch dir");
    fs::write(dir.join("krate/src/lib.rs"), lib).expect("lib.rs written");
    dir
}

/// What a run of `dogen` ended with.
#[derive(Debug)]
struct Run {
    code: u8,
    /// The report (stdout) on success or drift, the error otherwise.
    text: String,
    /// The one-line summary of drift, empty otherwise.
    summary: String,
}

fn dogen(args: &[&str]) -> Run {
    let cli = Cli::try_parse_from(std::iter::once("dogen").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?} parses: {e}"));
    match dogen_cli::run(&cli) {
        Ok(report) => Run { code: 0, text: report.0, summary: String::new() },
        Err(error) => {
            let code = error.exit_code(&cli.command);
            match error {
                Error::Check(failure) => Run { code, text: failure.report, summary: failure.summary },
                other => Run { code, text: other.to_string(), summary: String::new() },
            }
        }
    }
}

fn path(dir: &Path, rel: &str) -> String {
    dir.join(rel).to_string_lossy().into_owned()
}

use dogen_tests::snapshot;

/// A crate with its TypeScript freshly generated into `out`.
fn generated(test: &str) -> (PathBuf, String, String) {
    let dir = scratch(test, COUNTER);
    let (krate, out) = (path(&dir, "krate"), path(&dir, "out"));
    assert_eq!(dogen(&["ts", &krate, "--out", &out]).code, 0);
    (dir, krate, out)
}

#[test]
fn freshly_generated_files_pass() {
    let (_, krate, out) = generated("fresh");
    let run = dogen(&["check", &krate, "--out", &out]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.text, format!("`{out}` is up to date"));
}

#[test]
fn a_changed_file_fails_with_a_unified_diff() {
    let (dir, krate, out) = generated("changed");
    let index = dir.join("out/index.ts");
    let original = fs::read_to_string(&index).expect("index.ts");
    let edited = original.replacen("increment(", "incremnt(", 1);
    assert_ne!(original, edited, "the generated index.ts declares `increment(`");
    fs::write(&index, &edited).expect("edited");
    let before = snapshot(&dir.join("out"));
    let run = dogen(&["check", &krate, "--out", &out]);
    assert_eq!(run.code, 1, "{run:?}");
    let shown = index.to_string_lossy();
    assert!(run.text.starts_with(&format!("--- {shown}\n+++ {shown} (generated)\n@@ -")), "{}", run.text);
    let removed = edited.lines().find(|l| l.contains("incremnt(")).expect("edited line");
    let added = original.lines().find(|l| l.contains("increment(")).expect("original line");
    assert!(run.text.contains(&format!("\n-{removed}\n")), "{}", run.text);
    assert!(run.text.contains(&format!("\n+{added}\n")), "{}", run.text);
    assert!(!run.text.contains("missing:") && !run.text.contains("extra:"), "{}", run.text);
    assert!(run.summary.contains("1 changed, 0 missing, 0 extra"), "{}", run.summary);
    assert_eq!(snapshot(&dir.join("out")), before, "check never writes");
}

#[test]
fn a_changed_source_is_drift_too() {
    let (dir, krate, out) = generated("source_changed");
    let lib = COUNTER.replace("    async fn increment", "    async fn reset(&self);\n    async fn increment");
    fs::write(dir.join("krate/src/lib.rs"), lib).expect("lib changed");
    let run = dogen(&["check", &krate, "--out", &out]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.text.lines().any(|l| l.starts_with('+') && l.contains("reset(")), "{}", run.text);
}

#[test]
fn missing_and_extra_files_are_listed() {
    let (dir, krate, out) = generated("missing_extra");
    fs::remove_file(dir.join("out/client.ts")).expect("client.ts removed");
    fs::write(dir.join("out/old.ts"), "export {};\n").expect("extra file");
    fs::create_dir(dir.join("out/nested")).expect("extra dir");
    let before = snapshot(&dir.join("out"));
    let run = dogen(&["check", &krate, "--out", &out]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.text.lines().collect();
    assert_eq!(
        lines,
        [
            format!("missing: {} (dogen ts writes it)", path(&dir, "out/client.ts")),
            format!("extra: {} (dogen ts does not write it)", path(&dir, "out/nested/")),
            format!("extra: {} (dogen ts does not write it)", path(&dir, "out/old.ts")),
        ]
    );
    assert!(run.summary.contains("0 changed, 1 missing, 2 extra"), "{}", run.summary);
    assert!(run.summary.contains("delete the extra files"), "{}", run.summary);
    assert_eq!(snapshot(&dir.join("out")), before, "check never writes");
}

#[test]
fn a_missing_output_directory_is_all_missing_and_stays_missing() {
    let dir = scratch("no_out", COUNTER);
    let run = dogen(&["check", &path(&dir, "krate"), "--out", &path(&dir, "out")]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.text.lines().filter(|l| l.starts_with("missing: ")).count(), 4, "{}", run.text);
    assert!(!dir.join("out").exists(), "check never creates the directory");
}

#[test]
fn errors_in_the_crate_exit_with_two() {
    let dir = scratch("bad_crate", "#[dogen::durable]\npub trait Broken {\n    fn sync(&self);\n}\n");
    let run = dogen(&["check", &path(&dir, "krate"), "--out", &path(&dir, "out")]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.text.contains("lib.rs:3:5: error: method `sync` must be `async fn`"), "{}", run.text);
    let ts = dogen(&["ts", &path(&dir, "krate"), "--out", &path(&dir, "out")]);
    assert_eq!(ts.code, 1, "dogen ts keeps exit code 1 for the same errors");
}

#[test]
fn breaking_needs_a_lock() {
    let dir = scratch("no_lock", COUNTER);
    let run = dogen(&["check", "--breaking", &path(&dir, "krate")]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.text.starts_with("no lock file"), "{}", run.text);
    assert!(run.text.contains("dogen lock"), "{}", run.text);
}

#[test]
fn a_corrupt_lock_exits_with_two() {
    let dir = scratch("bad_lock", COUNTER);
    fs::write(dir.join("krate/dogen.lock"), "{\"dogen_lock\": 1, \"interfaces\": 3}").expect("lock written");
    let run = dogen(&["check", "--breaking", &path(&dir, "krate")]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.text.starts_with("cannot read lock file"), "{}", run.text);
    fs::write(dir.join("krate/dogen.lock"), "{\"dogen_lock\": 7, \"interfaces\": [], \"types\": []}").expect("lock");
    let run = dogen(&["check", "--breaking", &path(&dir, "krate")]);
    assert!(run.text.contains("lock format version 7 is not supported"), "{}", run.text);
}

/// A lock that cannot be read (truncated by a kill, say) does not block
/// `dogen lock`: it writes a good one over it and says so; then `check
/// --breaking` runs again.
#[test]
fn dogen_lock_rebuilds_over_a_damaged_lock() {
    let dir = scratch("damaged_lock", COUNTER);
    let krate = path(&dir, "krate");
    fs::write(dir.join("krate/dogen.lock"), "{\"dogen_lock\": 1, \"interf").expect("a truncated lock");
    assert_eq!(dogen(&["check", "--breaking", &krate]).code, 2, "the damaged lock stops the check");
    let run = dogen(&["lock", &krate]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.text.contains("; it replaces a lock that could not be read ("), "{}", run.text);
    let run = dogen(&["check", "--breaking", &krate]);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn out_and_breaking_run_together() {
    let (dir, krate, out) = generated("both");
    assert_eq!(dogen(&["lock", &krate]).code, 0);
    let run = dogen(&["check", &krate, "--out", &out, "--breaking"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.text.contains("is up to date") && run.text.contains("the interface matches"), "{}", run.text);
    fs::write(dir.join("krate/src/lib.rs"), COUNTER.replace("value: i64", "count: i64")).expect("renamed");
    let run = dogen(&["check", &krate, "--out", &out, "--breaking"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.summary.contains("is out of date") && run.summary.contains("1 breaking"), "{}", run.summary);
    assert!(run.text.contains("-  value: number;") && run.text.contains("+  count: number;"), "{}", run.text);
    assert!(run.text.contains("breaking [field_removed] `Total.value`"), "{}", run.text);
    assert!(run.text.contains("compatible [field_added] `Total.count`"), "{}", run.text);
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=dogen", "-c", "user.email=dogen@example.invalid", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(status.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&status.stderr));
}

#[test]
fn breaking_against_a_git_revision_reads_the_committed_lock() {
    let dir = scratch("git", COUNTER);
    let krate = path(&dir, "krate");
    git(&dir, &["init", "-q"]);
    assert_eq!(dogen(&["lock", &krate]).code, 0);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "locked"]);
    let changed = COUNTER.replace("pub value: i64,", "pub value: i64,\n    pub step: i64,");
    fs::write(dir.join("krate/src/lib.rs"), &changed).expect("changed");
    // Re-locking accepts the change in the working copy...
    let relock = dogen(&["lock", &krate]);
    assert_eq!(relock.code, 0, "{relock:?}");
    assert_eq!(dogen(&["check", "--breaking", &krate]).code, 0);
    // ...but the committed lock still catches it, or any other revision's.
    let run = dogen(&["check", "--breaking", &krate, "--against", "HEAD"]);
    assert_eq!(run.code, 0, "an output field added is compatible: {run:?}");
    assert!(run.text.contains("compatible [field_added] `Total.step`"), "{}", run.text);
    fs::write(dir.join("krate/src/lib.rs"), COUNTER.replace("-> Total", "-> Option<Total>")).expect("changed");
    let run = dogen(&["check", "--breaking", &krate, "--against", "HEAD"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.text.contains("breaking [return_type_changed] `Counter.increment`"), "{}", run.text);
    assert!(run.summary.contains("at `HEAD`"), "{}", run.summary);
    let run = dogen(&["check", "--breaking", &krate, "--against", "no-such-rev"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.text.contains("at git revision `no-such-rev`"), "{}", run.text);
}

#[test]
fn renames_must_name_classes_the_lock_and_the_crate_have() {
    let dir = scratch("bad_rename", COUNTER);
    let krate = path(&dir, "krate");
    assert_eq!(dogen(&["lock", &krate]).code, 0);
    fs::write(dir.join("krate/src/lib.rs"), COUNTER.replace("trait Counter", "trait Tally")).expect("renamed");
    let run = dogen(&["check", "--breaking", &krate, "--rename", "Countr=Tally"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.text.contains("the lock has no class `Countr`; it has `Counter`"), "{}", run.text);
    let run = dogen(&["check", "--breaking", &krate, "--rename", "Counter=Tallie"]);
    assert!(run.text.contains("the crate has no class `Tallie`"), "{}", run.text);
    let run = dogen(&["check", "--breaking", &krate, "--rename", "Counter=Tally"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(Cli::try_parse_from(["dogen", "check", "--breaking", "--rename", "Counter"]).is_err());
    assert!(Cli::try_parse_from(["dogen", "check", "--breaking", "--rename", "A=A"]).is_err());
}
