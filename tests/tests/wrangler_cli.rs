//! `dogen wrangler` over real crates: the interfaces (and the lock's
//! recorded renames) decide the config's bindings and migrations; `--check`
//! reports drift without writing. The planning rules themselves are pinned
//! by `tests/wrangler.rs`.

use std::fs;
use std::path::{Path, PathBuf};

use clap::Parser as _;
use dogen_cli::{Cli, Error};

const COUNTER: &str = "\
/// A counter.
#[dogen::durable]
pub trait Counter {
    async fn add(&self, by: u32) -> u64;
}
";

const TOML: &str = r#"name = "counter"
main = "build/entry.js"

# The counter's namespace.
[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter"] # created with the first deploy
"#;

/// A crate (`src/lib.rs` = `lib`) with a config file `name` = `config`.
fn scratch(test: &str, lib: &str, name: &str, config: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-wrangler-cli").join(test);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("old scratch dir removed");
    }
    fs::create_dir_all(dir.join("src")).expect("scratch dir");
    fs::write(dir.join("src/lib.rs"), lib).expect("lib.rs written");
    if !name.is_empty() {
        fs::write(dir.join(name), config).expect("config written");
    }
    dir
}

/// The exit code and what was printed (report, or findings and diff, or
/// the error).
fn dogen(args: &[&str]) -> (u8, String) {
    let cli = Cli::try_parse_from(std::iter::once("dogen").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?} parses: {e}"));
    match dogen_cli::run(&cli) {
        Ok(report) => (0, report.0),
        Err(error) => {
            let code = error.exit_code(&cli.command);
            match error {
                Error::Check(failure) => (code, format!("{}\nerror: {}", failure.report, failure.summary)),
                other => (code, other.to_string()),
            }
        }
    }
}

fn s(dir: &Path) -> String {
    dir.to_string_lossy().into_owned()
}

#[test]
fn a_rename_recorded_in_the_lock_becomes_a_renamed_classes_migration() {
    let dir = scratch("rename_from_lock", COUNTER, "wrangler.toml", TOML);
    let krate = s(&dir);
    assert_eq!(dogen(&["lock", &krate]).0, 0);
    assert_eq!(dogen(&["wrangler", &krate, "--check"]).0, 0, "the config starts in line");
    fs::write(dir.join("src/lib.rs"), COUNTER.replace("trait Counter", "trait Tally")).expect("renamed");
    let (code, text) = dogen(&["lock", &krate, "--rename", "Counter=Tally"]);
    assert_eq!(code, 0, "{text}");
    let lock = fs::read_to_string(dir.join("dogen.lock")).expect("lock");
    assert!(lock.contains("\"class\": \"Tally\"") && lock.contains("\"renamed_from\": \"Counter\""), "{lock}");

    let (code, text) = dogen(&["wrangler", &krate, "--check"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("change: added migration `v2`: renamed_classes [Counter -> Tally]"), "{text}");
    assert!(text.contains("+renamed_classes = [{ from = \"Counter\", to = \"Tally\" }]"), "{text}");
    assert_eq!(fs::read_to_string(dir.join("wrangler.toml")).expect("config"), TOML, "--check never writes");

    let (code, text) = dogen(&["wrangler", &krate]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        fs::read_to_string(dir.join("wrangler.toml")).expect("config"),
        r#"name = "counter"
main = "build/entry.js"

# The counter's namespace.
[[durable_objects.bindings]]
name = "TALLY"
class_name = "Tally"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter"] # created with the first deploy

[[migrations]]
tag = "v2"
renamed_classes = [{ from = "Counter", to = "Tally" }]
"#
    );
    let (code, text) = dogen(&["wrangler", &krate, "--check"]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(dogen(&["check", "--breaking", &krate]).0, 0);
}

#[test]
fn a_rename_without_a_declaration_is_a_new_class_and_a_warning() {
    let dir = scratch("rename_undeclared", COUNTER, "wrangler.toml", TOML);
    let krate = s(&dir);
    assert_eq!(dogen(&["lock", &krate]).0, 0);
    fs::write(dir.join("src/lib.rs"), COUNTER.replace("trait Counter", "trait Tally")).expect("renamed");
    let (code, text) = dogen(&["wrangler", &krate, "--check"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("change: added migration `v2`: new_sqlite_classes [Tally]"), "{text}");
    assert!(text.contains("warning: class `Counter` is no longer an interface"), "{text}");
    assert!(!text.contains("renamed_classes"), "{text}");
    // The flag declares the same rename for one run.
    let (code, text) = dogen(&["wrangler", &krate, "--check", "--rename", "Counter=Tally"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("renamed_classes [Counter -> Tally]"), "{text}");
}

#[test]
fn a_class_that_opts_out_of_sqlite_gets_new_classes() {
    let lib = format!(
        "{COUNTER}\n#[dogen::durable(sqlite = false)]\npub trait Legacy {{\n    async fn get(&self) -> u32;\n}}\n"
    );
    let dir = scratch("sqlite_opt_out", &lib, "wrangler.jsonc", "{\n  // The Worker.\n  \"name\": \"counter\",\n}\n");
    let (code, text) = dogen(&["wrangler", &s(&dir)]);
    assert_eq!(code, 0, "{text}");
    let config = fs::read_to_string(dir.join("wrangler.jsonc")).expect("config");
    assert!(config.contains("// The Worker."), "{config}");
    assert!(config.contains("\"new_sqlite_classes\": [\"Counter\"]"), "{config}");
    assert!(config.contains("\"new_classes\": [\"Legacy\"]"), "{config}");
    assert!(config.contains("\"name\": \"LEGACY\"") && config.contains("\"class_name\": \"Legacy\""), "{config}");
    assert_eq!(dogen(&["wrangler", &s(&dir), "--check"]).0, 0, "planning again changes nothing");
}

#[test]
fn a_removed_class_is_reported_and_deleted_only_when_asked() {
    let dir = scratch("removed", COUNTER.replace("trait Counter", "trait Tally").as_str(), "wrangler.toml", TOML);
    let krate = s(&dir);
    let (code, text) = dogen(&["wrangler", &krate]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("warning: class `Counter` is no longer an interface"), "{text}");
    let config = fs::read_to_string(dir.join("wrangler.toml")).expect("config");
    assert!(!config.contains("deleted_classes"), "{config}");
    assert!(config.contains("class_name = \"Counter\""), "the old binding is kept: {config}");
    let (code, text) = dogen(&["wrangler", &krate, "--check"]);
    assert_eq!(code, 1, "a warning needs a decision: {text}");
    let (code, text) = dogen(&["wrangler", &krate, "--delete-removed"]);
    assert_eq!(code, 0, "{text}");
    let config = fs::read_to_string(dir.join("wrangler.toml")).expect("config");
    assert!(config.contains("deleted_classes = [\"Counter\"]"), "{config}");
    assert!(!config.contains("class_name = \"Counter\""), "{config}");
    assert_eq!(dogen(&["wrangler", &krate, "--check"]).0, 0);
}

#[test]
fn the_config_is_found_in_wranglers_order_or_named() {
    let dir = scratch("found", COUNTER, "wrangler.toml", TOML);
    fs::write(dir.join("wrangler.json"), "{\"name\": \"counter\"}\n").expect("json written");
    let (code, text) = dogen(&["wrangler", &s(&dir), "--check"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("wrangler.json (dogen wrangler)"), "wrangler.json comes first: {text}");
    let toml = s(&dir.join("wrangler.toml"));
    let (code, text) = dogen(&["wrangler", &s(&dir), "--check", "--config", &toml]);
    assert_eq!(code, 0, "{text}");
}

#[test]
fn errors_exit_with_two_under_check_and_one_otherwise() {
    let dir = scratch("errors", COUNTER, "", "");
    let (code, text) = dogen(&["wrangler", &s(&dir), "--check"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.starts_with("no `wrangler.json`, `wrangler.jsonc` or `wrangler.toml`"), "{text}");
    assert_eq!(dogen(&["wrangler", &s(&dir)]).0, 1);
    fs::write(dir.join("wrangler.toml"), "name = \"counter\"\n[[durable_objects.bindings]\n").expect("written");
    let (code, text) = dogen(&["wrangler", &s(&dir), "--check"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.starts_with(&format!("{}: 2:", dir.join("wrangler.toml").display())), "{text}");
    let before = fs::read(dir.join("wrangler.toml")).expect("config");
    assert_eq!(dogen(&["wrangler", &s(&dir)]).0, 1);
    assert_eq!(fs::read(dir.join("wrangler.toml")).expect("config"), before, "nothing written on error");
}

/// A workers-rs object as it was before dogen: its struct `TodoObject` is
/// the class wrangler's config names (workers-rs exports the struct's
/// name). After `#[dogen::object(TodoList)]`, dogen's entry exports the
/// interface's class, `TodoList`: `dogen wrangler` says so and renames the
/// class, keeping its data.
#[test]
fn moving_a_workers_rs_object_to_dogen_renames_its_class_explicitly() {
    const TODOS: &str = "\
#[dogen::durable(binding = \"TODOS\")]
pub trait TodoList {
    async fn add(&self, title: String) -> u32;
}

#[dogen::object(TodoList)]
#[durable_object]
pub struct TodoObject {
    state: State,
}
";
    const BEFORE: &str = r#"name = "todos"
main = "build/entry.js"

[[durable_objects.bindings]]
name = "TODOS"
class_name = "TodoObject"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["TodoObject"]
"#;
    let dir = scratch("moved_export", TODOS, "wrangler.toml", BEFORE);
    let krate = s(&dir);
    let (code, text) = dogen(&["wrangler", &krate, "--check"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("change: added migration `v2`: renamed_classes [TodoObject -> TodoList]"), "{text}");
    assert!(
        text.contains(
            "note: class `TodoObject` is the name workers-rs exported for struct `TodoObject`; dogen's entry exports its interface's class, `TodoList`"
        ),
        "{text}"
    );
    assert!(text.contains("write `#[durable(class = \"TodoObject\")]` on `TodoList`"), "{text}");
    let (code, text) = dogen(&["wrangler", &krate]);
    assert_eq!(code, 0, "{text}");
    let after = fs::read_to_string(dir.join("wrangler.toml")).expect("config");
    assert!(after.contains("class_name = \"TodoList\""), "{after}");
    assert!(after.contains("renamed_classes = [{ from = \"TodoObject\", to = \"TodoList\" }]"), "{after}");
    assert_eq!(dogen(&["wrangler", &krate, "--check"]).0, 0, "in line once applied");

    // Keeping the old name is the other explicit choice: nothing to rename.
    let kept = scratch(
        "moved_export_kept",
        &TODOS.replace("binding = \"TODOS\"", "binding = \"TODOS\", class = \"TodoObject\""),
        "wrangler.toml",
        BEFORE,
    );
    let (code, text) = dogen(&["wrangler", &s(&kept), "--check"]);
    assert_eq!(code, 0, "{text}");
}
