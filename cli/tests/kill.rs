//! All or nothing on disk, under `kill -9` at any moment: `dogen ts` and
//! `dogen lock` run on a crate large enough for writing to take a while, and
//! are killed at random moments (most of them late in the run, where the
//! writing is). After each kill the output is exactly the old one or exactly
//! the new one; never a mix, never a truncated file. Staging left by a
//! killed run is cleaned up by the next run. An I/O error (a generated name
//! held by a directory) changes nothing either.
#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Kills per command, at least: more follow until both outcomes were seen.
const KILLS: usize = 40;

/// A crate with `traits` traits of 20 methods and a struct per method;
/// `version` changes every doc comment and one field of every type, so that
/// every generated file differs between two versions.
fn big_crate(traits: usize, version: u32) -> String {
    let mut out = String::from("use serde::{Deserialize, Serialize};\n\n");
    for t in 0..traits {
        out.push_str(&format!(
            "/// Trait {t}, version {version}.\n#[dogen::durable(binding = \"B{t}\")]\npub trait T{t} {{\n"
        ));
        for m in 0..20 {
            out.push_str(&format!(
                "    /// Method {m}, version {version}.\n    async fn m{m}(&self, a: S{t}x{m}) -> u32;\n"
            ));
        }
        out.push_str("}\n\n");
        for m in 0..20 {
            out.push_str(&format!(
                "/// A value, version {version}.\n#[derive(Serialize, Deserialize)]\npub struct S{t}x{m} {{\n    pub id: u32,\n    pub v{version}: Option<String>,\n}}\n\n"
            ));
        }
    }
    out
}

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-kill").join(test);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("old scratch dir removed");
    }
    fs::create_dir_all(dir.join("krate/src")).expect("scratch dir");
    dir
}

fn dogen(args: &[&str], cwd: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dogen")).args(args).current_dir(cwd).output().expect("dogen runs")
}

/// Every entry under `dir` with its bytes (directories as `None`), sorted.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else { continue };
        for entry in entries {
            let path = entry.expect("entry").path();
            let rel = path.strip_prefix(dir).expect("under dir").to_path_buf();
            if path.is_dir() {
                out.push((rel, None));
                stack.push(path);
            } else {
                out.push((rel, Some(fs::read(&path).expect("readable"))));
            }
        }
    }
    out.sort();
    out
}

/// Staging entries dogen leaves beside `name` in `dir` when killed.
fn staging(dir: &Path, name: &str) -> Vec<String> {
    let prefix = format!(".{name}.dogen-");
    fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix))
        .collect()
}

/// A small deterministic PRNG, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A fraction in [0, 1).
    fn fraction(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// How long `args` takes to finish, the median of three runs.
fn duration(args: &[&str], cwd: &Path) -> Duration {
    let mut runs: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            assert!(dogen(args, cwd).status.success());
            start.elapsed()
        })
        .collect();
    runs.sort();
    runs[1]
}

/// Runs `args` and kills it with SIGKILL after `after`.
fn run_and_kill(args: &[&str], cwd: &Path, after: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dogen"))
        .args(args)
        .current_dir(cwd)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dogen starts");
    std::thread::sleep(after);
    let _ = child.kill(); // SIGKILL on unix
    let _ = child.wait();
}

/// Kills `args` at random moments while the crate switches between two
/// versions; after each kill, `read()` must equal one of the two
/// reference outputs. Returns how many kills left the old output, how many
/// the new, and after how many `staged()` found staging left behind (the
/// kill landed while writing).
fn kill_test<T: PartialEq>(
    dir: &Path,
    args: &[&str],
    references: [&T; 2],
    read: impl Fn() -> T,
    staged: impl Fn() -> bool,
    seed: u64,
) -> (usize, usize, usize) {
    let lib = dir.join("krate/src/lib.rs");
    let mut full = duration(args, dir);
    let mut rng = Rng(seed);
    let (mut old, mut new, mut mid_write) = (0, 0, 0);
    let mut current = 1; // the last successful run wrote version 1
    // At least KILLS kills, and more (up to three times as many) until
    // both outcomes were seen: on a machine busier than when `full` was
    // measured, every planned kill can land before the switch.
    for kill in 0..3 * KILLS {
        if kill >= KILLS && old > 0 && new > 0 {
            break;
        }
        let next = 1 - current;
        fs::write(&lib, big_crate(TRAITS, next as u32)).expect("source switched");
        // Mostly late in the run, where the writing is; some anywhere.
        let at = if kill % 4 == 0 { rng.fraction() * 1.1 } else { 0.6 + rng.fraction() * 0.5 };
        run_and_kill(args, dir, full.mul_f64(at));
        if staged() {
            mid_write += 1;
        }
        let after = read();
        if after == *references[current] {
            old += 1;
            // Killed after the measured run time, yet before the switch:
            // runs take longer now, so the later kills wait longer.
            if at >= 1.0 {
                full = full.mul_f64(1.5);
            }
        } else if after == *references[next] {
            new += 1;
            current = next;
        } else {
            panic!("kill {kill} (seed {seed}, at {at:.2} of {full:?}) left a mixed or truncated output");
        }
    }
    (old, new, mid_write)
}

const TRAITS: usize = 40;

#[test]
fn dogen_ts_is_all_or_nothing_under_kill_9() {
    let dir = scratch("ts");
    let lib = dir.join("krate/src/lib.rs");
    let mut references = Vec::new();
    for version in [0, 1] {
        fs::write(&lib, big_crate(TRAITS, version)).expect("lib.rs");
        let out = format!("ref{version}");
        assert!(dogen(&["ts", "krate", "--out", &out], &dir).status.success());
        references.push(snapshot(&dir.join(out)));
    }
    // Several files differ between the versions, so a mix would show.
    let names: Vec<&PathBuf> = references[0].iter().map(|(n, _)| n).collect();
    assert_eq!(names, references[1].iter().map(|(n, _)| n).collect::<Vec<_>>());
    let differing = references[0].iter().zip(&references[1]).filter(|(a, b)| a != b).count();
    assert!(differing >= 2, "only {differing} file(s) differ between the versions");
    // The output starts as version 1.
    fs::write(&lib, big_crate(TRAITS, 1)).expect("lib.rs");
    assert!(dogen(&["ts", "krate", "--out", "out"], &dir).status.success());
    let (old, new, mid_write) = kill_test(
        &dir,
        &["ts", "krate", "--out", "out"],
        [&references[0], &references[1]],
        || snapshot(&dir.join("out")),
        || !staging(&dir, "out").is_empty(),
        0x5eed_0001,
    );
    // A run after the kills cleans what they left.
    assert!(dogen(&["ts", "krate", "--out", "out"], &dir).status.success());
    assert_eq!(staging(&dir, "out"), Vec::<String>::new(), "stale staging was not cleaned up");
    eprintln!("dogen ts: {} kills: {old} left the old output, {new} the new one; {mid_write} while writing", old + new);
    assert!(old > 0 && new > 0, "the kills should land both before and after the switch: {old} old, {new} new");
}

#[test]
fn dogen_lock_is_all_or_nothing_under_kill_9() {
    let dir = scratch("lock");
    let lib = dir.join("krate/src/lib.rs");
    let mut references = Vec::new();
    for version in [0, 1] {
        fs::write(&lib, big_crate(TRAITS, version)).expect("lib.rs");
        assert!(dogen(&["lock", "krate"], &dir).status.success());
        references.push(fs::read(dir.join("krate/dogen.lock")).expect("lock"));
    }
    assert!(references[0] != references[1], "the two locks are the same");
    let (old, new, mid_write) = kill_test(
        &dir,
        &["lock", "krate"],
        [&references[0], &references[1]],
        || fs::read(dir.join("krate/dogen.lock")).expect("the lock is always there"),
        || !staging(&dir.join("krate"), "dogen.lock").is_empty(),
        0x5eed_0002,
    );
    assert!(dogen(&["lock", "krate"], &dir).status.success());
    assert_eq!(staging(&dir.join("krate"), "dogen.lock"), Vec::<String>::new(), "stale staging was not cleaned up");
    eprintln!("dogen lock: {} kills: {old} left the old lock, {new} the new one; {mid_write} while writing", old + new);
    assert!(old > 0 && new > 0, "the kills should land both before and after the switch: {old} old, {new} new");
}

#[test]
fn a_generated_name_held_by_a_directory_changes_nothing() {
    let dir = scratch("io_error");
    fs::write(dir.join("krate/src/lib.rs"), big_crate(1, 0)).expect("lib.rs");
    assert!(dogen(&["ts", "krate", "--out", "out"], &dir).status.success());
    fs::write(dir.join("krate/src/lib.rs"), big_crate(1, 1)).expect("lib.rs");
    fs::remove_file(dir.join("out/env.d.ts")).expect("removed");
    fs::create_dir(dir.join("out/env.d.ts")).expect("a directory in its place");
    fs::write(dir.join("out/env.d.ts/mine.txt"), "mine").expect("a file of the user's");
    let before = snapshot(&dir.join("out"));
    let output = dogen(&["ts", "krate", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot write `out/env.d.ts`: exists and is not a file\n"
    );
    assert!(snapshot(&dir.join("out")) == before, "something changed");
}
