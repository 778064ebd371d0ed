//! The checking commands as CI runs them, through the real binary: exit 0
//! when in step, 1 with the findings on stdout and a summary on stderr when
//! not, 2 when the check cannot run. (Here because only this package knows
//! where cargo built `dogen`; `tests/tests/check.rs`, `breaking.rs` and
//! `wrangler_cli.rs` cover the behaviour.)

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const COUNTER: &str = "\
#[dogen::durable]
pub trait Counter {
    async fn add(&self, by: u32) -> u64;
    async fn get(&self) -> u64;
}
";

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-check-cli").join(test);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("old scratch dir removed");
    }
    fs::create_dir_all(dir.join("src")).expect("scratch dir");
    fs::write(dir.join("src/lib.rs"), COUNTER).expect("lib.rs written");
    dir
}

fn dogen(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dogen")).args(args).current_dir(cwd).output().expect("dogen runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_out_exits_zero_then_one_on_drift() {
    let dir = scratch("out");
    assert_eq!(dogen(&["ts", "--out", "ts"], &dir).status.code(), Some(0));
    let clean = dogen(&["check", "--out", "ts"], &dir);
    assert_eq!(clean.status.code(), Some(0), "{}", err(&clean));
    assert_eq!(out(&clean), "`ts` is up to date\n");
    fs::write(dir.join("ts/stale.ts"), "").expect("extra file");
    let drift = dogen(&["check", "--out", "ts"], &dir);
    assert_eq!(drift.status.code(), Some(1), "{}", err(&drift));
    assert_eq!(out(&drift), "extra: ts/stale.ts (dogen ts does not write it)\n");
    assert_eq!(
        err(&drift),
        "error: `ts` is out of date: 0 changed, 0 missing, 1 extra; run `dogen ts . --out ts` and delete the extra files\n"
    );
}

#[test]
fn check_breaking_exits_one_on_a_breaking_change_and_two_without_a_lock() {
    let dir = scratch("breaking");
    let no_lock = dogen(&["check", "--breaking"], &dir);
    assert_eq!(no_lock.status.code(), Some(2), "{}", err(&no_lock));
    assert!(err(&no_lock).contains("no lock file `./dogen.lock`; write one with `dogen lock`"), "{}", err(&no_lock));
    let lock = dogen(&["lock"], &dir);
    assert_eq!(lock.status.code(), Some(0), "{}", err(&lock));
    assert_eq!(out(&lock), "wrote `./dogen.lock`: 1 class(es), 0 type(s)\n");
    fs::write(dir.join("src/lib.rs"), COUNTER.replace("    async fn get(&self) -> u64;\n", "")).expect("removed");
    let broken = dogen(&["check", "--breaking"], &dir);
    assert_eq!(broken.status.code(), Some(1), "{}", err(&broken));
    assert_eq!(
        out(&broken),
        "src/lib.rs:4: breaking [method_removed] `Counter.get`: method removed (place from the lock); deployed callers still call `get`\n"
    );
    assert_eq!(err(&broken), "error: 1 breaking and 0 compatible change(s) against `./dogen.lock`\n");
}

#[test]
fn check_exits_two_on_a_crate_that_does_not_parse_and_ts_keeps_one() {
    let dir = scratch("unparsable");
    fs::write(dir.join("src/lib.rs"), "#[dogen::durable]\npub trait Counter {\n    async fn add(&self) ->;\n}\n")
        .expect("written");
    let check = dogen(&["check", "--out", "ts"], &dir);
    assert_eq!(check.status.code(), Some(2), "{}", err(&check));
    assert!(err(&check).starts_with("./src/lib.rs:3:"), "{}", err(&check));
    assert_eq!(dogen(&["check", "--breaking"], &dir).status.code(), Some(2));
    assert_eq!(dogen(&["ts", "--out", "ts"], &dir).status.code(), Some(1));
}

#[test]
fn wrangler_check_exits_one_on_drift_and_zero_once_written() {
    let dir = scratch("wrangler");
    fs::write(dir.join("wrangler.jsonc"), "{\n  \"name\": \"counter\",\n}\n").expect("config written");
    let drift = dogen(&["wrangler", "--check"], &dir);
    assert_eq!(drift.status.code(), Some(1), "{}", err(&drift));
    assert!(out(&drift).starts_with("change: added binding `COUNTER` for class `Counter`\n"), "{}", out(&drift));
    assert!(err(&drift).starts_with("error: `./wrangler.jsonc` is out of date: 2 change(s), 0 warning(s)"));
    let write = dogen(&["wrangler"], &dir);
    assert_eq!(write.status.code(), Some(0), "{}", err(&write));
    assert!(out(&write).ends_with("wrote `./wrangler.jsonc`\n"), "{}", out(&write));
    assert_eq!(dogen(&["wrangler", "--check"], &dir).status.code(), Some(0));
    let missing = dogen(&["wrangler", "--check", "--config", "nope.toml"], &dir);
    assert_eq!(missing.status.code(), Some(2), "{}", err(&missing));
}

/// `--backend entry`: the entry module beside the build's own files, which
/// are not counted as extra (the directory is the build's, not dogen's).
#[test]
fn check_out_works_for_the_entry_backend_too() {
    let dir = scratch("entry");
    let object = "\n#[dogen::object(Counter)]\n#[durable_object]\npub struct CounterObject {}\n";
    fs::write(dir.join("src/lib.rs"), format!("{COUNTER}{object}")).expect("lib.rs");
    assert_eq!(dogen(&["entry", "--out", "build"], &dir).status.code(), Some(0));
    fs::write(dir.join("build/index.js"), "// the build's own").expect("a build file");
    let clean = dogen(&["check", "--out", "build", "--backend", "entry"], &dir);
    assert_eq!(clean.status.code(), Some(0), "{}", err(&clean));
    assert_eq!(out(&clean), "`build` is up to date\n");
    let entry = dir.join("build/entry.js");
    let text = fs::read_to_string(&entry).expect("entry.js");
    fs::write(&entry, text.replace("add(...args)", "added(...args)")).expect("edited");
    let drift = dogen(&["check", "--out", "build", "--backend", "entry"], &dir);
    assert_eq!(drift.status.code(), Some(1), "{}", err(&drift));
    assert!(out(&drift).contains("-  added(...args) {\n+  add(...args) {"), "{}", out(&drift));
    assert_eq!(
        err(&drift),
        "error: `build` is out of date: 1 changed, 0 missing, 0 extra; run `dogen entry . --out build --module index`\n"
    );
}
