//! Golden tests of `dogen_codegen::wrangler`: each `cases/wrangler/<case>/`
//! holds one input config (`wrangler.toml`, `wrangler.jsonc` or
//! `wrangler.json`) and a `desired.json` naming the objects, renames and
//! options to plan with. A plan that succeeds must match `expected.<ext>`
//! (the new config) and `expected.findings.txt`; one that fails must match
//! `expected.error.txt`.
//!
//! Every case also proves that planning again over the output changes
//! nothing (warnings and notes may repeat), that every comment of the input
//! survives, and that a `wrangler.json` stays plain JSON.
//!
//! Bless new or changed output with `UPDATE_EXPECT=1`, then read the diff.

use std::fs;
use std::path::{Path, PathBuf};

use dogen_codegen::wrangler::{self, DesiredObject, Finding, Format, Options, Plan, Rename, Severity};
use dogen_tests::Golden;
use serde::Deserialize;

/// Where the cases live, relative to this crate.
const CASES: &str = "cases/wrangler";

/// The cases this suite must keep: a deleted folder fails the test instead
/// of silently shrinking it.
const REQUIRED: &[&str] = &[
    "binding_name_changed",
    "binding_name_taken",
    "binding_names_swapped",
    "clean",
    "comments_jsonc",
    "comments_toml",
    "custom_tags",
    "existing_migrations_untouched",
    "inline_toml_arrays",
    "malformed_json",
    "malformed_jsonc",
    "malformed_toml",
    "new_class_json",
    "new_class_jsonc",
    "new_class_toml",
    "no_durable_objects_json",
    "no_durable_objects_toml",
    "removed_class_deleted",
    "removed_class_reported",
    "rename_migration_jsonc",
    "rename_migration_toml",
    "script_name_binding",
    "sqlite_opt_out",
    "storage_mismatch",
    "wrong_shape_json",
    "wrong_shape_toml",
];

/// `desired.json`: what the CLI would pass to `plan`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Desired {
    /// The exported classes.
    objects: Vec<Object>,
    /// Renames, as a lock file would give them.
    #[serde(default)]
    renames: Vec<RenameSpec>,
    /// `Options::delete_removed`.
    #[serde(default)]
    delete_removed: bool,
}

/// One desired object.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Object {
    class: String,
    binding: String,
    #[serde(default = "yes")]
    sqlite: bool,
}

/// One rename.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RenameSpec {
    from: String,
    to: String,
}

/// The default of `sqlite`.
fn yes() -> bool {
    true
}

/// Every case folder, sorted.
fn cases() -> Vec<PathBuf> {
    dogen_tests::case_dirs(CASES)
}

/// The one input config of a case.
fn input(case: &Path) -> Result<(PathBuf, Format), String> {
    let found: Vec<PathBuf> =
        wrangler::FILE_NAMES.iter().map(|name| case.join(name)).filter(|path| path.is_file()).collect();
    match found.as_slice() {
        [path] => {
            let format = Format::from_path(path).ok_or_else(|| format!("{}: unknown format", path.display()))?;
            Ok((path.clone(), format))
        }
        _ => Err(format!("{} needs exactly one wrangler config, found {}", case.display(), found.len())),
    }
}

/// The stable text rendering of a plan's findings.
fn render_findings(plan: &Plan) -> String {
    let mut out = String::new();
    for finding in &plan.findings {
        out.push_str(&format!("{}: {finding}\n", finding.severity()));
    }
    out.push_str(if plan.is_clean() { "clean\n" } else { "not clean\n" });
    out
}

/// The comment lines of a config, trimmed.
fn comment_lines(text: &str, format: Format) -> Vec<&str> {
    let markers: &[&str] = if format == Format::Toml { &["#"] } else { &["//", "/*", "*"] };
    text.lines().map(str::trim).filter(|line| markers.iter().any(|m| line.starts_with(m))).collect()
}

/// Plans `text` again and checks nothing changes.
fn check_idempotent(
    plan: &Plan,
    format: Format,
    desired: &[DesiredObject],
    renames: &[Rename],
    opts: Options,
) -> Result<(), String> {
    let again = wrangler::plan(&plan.text, format, desired, renames, opts)
        .map_err(|e| format!("the output does not plan again: {e}"))?;
    if again.text != plan.text || again.has_changes() {
        return Err(format!("planning the output again changes it: {:?}", again.findings));
    }
    let lasting: Vec<&Finding> = plan.findings.iter().filter(|f| f.severity() != Severity::Change).collect();
    if again.findings.iter().collect::<Vec<_>>() != lasting {
        return Err(format!("planning the output again finds {:?}, not {lasting:?}", again.findings));
    }
    Ok(())
}

/// Runs one case.
fn run_case(case: &Path, golden: &mut Golden) -> Result<(), String> {
    let (path, format) = input(case)?;
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let desired_path = case.join("desired.json");
    let desired: Desired = serde_json::from_str(
        &fs::read_to_string(&desired_path).map_err(|e| format!("cannot read {}: {e}", desired_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", desired_path.display()))?;
    let objects: Vec<DesiredObject> = desired
        .objects
        .into_iter()
        .map(|o| DesiredObject { class: o.class, binding: o.binding, sqlite: o.sqlite })
        .collect();
    let renames: Vec<Rename> = desired.renames.into_iter().map(|r| Rename { from: r.from, to: r.to }).collect();
    let opts = Options { delete_removed: desired.delete_removed };

    let plan = match wrangler::plan(&text, format, &objects, &renames, opts) {
        Ok(plan) => plan,
        Err(error) => {
            if error.location().is_none() {
                return Err(format!("error without a location: {error}"));
            }
            golden.check(&case.join("expected.error.txt"), &format!("{error}\n"));
            return Ok(());
        }
    };
    golden.check(&case.join(format!("expected.{}", format.extension())), &plan.text);
    golden.check(&case.join("expected.findings.txt"), &render_findings(&plan));
    if plan.has_changes() == (plan.text == text) {
        return Err("the findings disagree with the text about whether anything changed".into());
    }
    for comment in comment_lines(&text, format) {
        if !plan.text.lines().any(|line| line.trim() == comment) {
            return Err(format!("comment `{comment}` was lost"));
        }
    }
    if format == Format::Json && serde_json::from_str::<serde_json::Value>(&text).is_ok() {
        serde_json::from_str::<serde_json::Value>(&plan.text).map_err(|e| format!("the output is not JSON: {e}"))?;
    }
    check_idempotent(&plan, format, &objects, &renames, opts)
}

#[test]
fn wrangler_cases() {
    let cases = cases();
    let names: Vec<String> =
        cases.iter().map(|c| c.file_name().expect("a folder name").to_string_lossy().into_owned()).collect();
    for required in REQUIRED {
        assert!(names.iter().any(|n| n == required), "case `{required}` is missing from {CASES}");
    }
    let mut golden = Golden::new();
    for case in &cases {
        if let Err(e) = run_case(case, &mut golden) {
            golden.fail(format!("{}: {e}", case.display()));
        }
    }
    golden.finish();
}

#[test]
fn format_follows_the_extension() {
    assert_eq!(Format::from_path(Path::new("a/wrangler.toml")), Some(Format::Toml));
    assert_eq!(Format::from_path(Path::new("wrangler.jsonc")), Some(Format::Jsonc));
    assert_eq!(Format::from_path(Path::new("wrangler.json")), Some(Format::Json));
    assert_eq!(Format::from_path(Path::new("wrangler.yaml")), None);
    assert_eq!(Format::from_path(Path::new("wrangler")), None);
}

#[test]
fn contradictory_input_is_rejected() {
    let object =
        |class: &str, binding: &str| DesiredObject { class: class.into(), binding: binding.into(), sqlite: true };
    let plan = |desired: &[DesiredObject], renames: &[Rename]| {
        wrangler::plan("{}", Format::Json, desired, renames, Options::default()).map(|_| ())
    };
    assert!(plan(&[object("A", "X"), object("A", "Y")], &[]).is_err(), "a class twice");
    assert!(plan(&[object("A", "X"), object("B", "X")], &[]).is_err(), "a binding twice");
    assert!(plan(&[object("", "X")], &[]).is_err(), "an empty class");
    let rename = |from: &str, to: &str| Rename { from: from.into(), to: to.into() };
    assert!(plan(&[], &[rename("A", "A")]).is_err(), "a rename to itself");
    assert!(plan(&[], &[rename("A", "B"), rename("A", "C")]).is_err(), "two renames from one class");
    assert!(plan(&[object("A", "X")], &[rename("B", "A")]).is_ok(), "a well-formed input");
}

/// Plans `text` for one new class `Counter` bound as `COUNTER`, checks that
/// planning the output again is clean, and returns the output.
fn add_counter(text: &str, format: Format) -> String {
    let desired = [DesiredObject { class: "Counter".into(), binding: "COUNTER".into(), sqlite: true }];
    let plan = wrangler::plan(text, format, &desired, &[], Options::default())
        .unwrap_or_else(|e| panic!("{text:?} does not plan: {e}"));
    let again = wrangler::plan(&plan.text, format, &desired, &[], Options::default())
        .unwrap_or_else(|e| panic!("the output of {text:?} does not plan: {e}\n{}", plan.text));
    assert!(again.is_clean() && again.text == plan.text, "planning {:?} again is not clean: {again:?}", plan.text);
    plan.text
}

#[test]
fn empty_sections_are_filled() {
    let json = add_counter("{\"durable_objects\": {\"bindings\": []}, \"migrations\": []}", Format::Json);
    serde_json::from_str::<serde_json::Value>(&json).expect("the output is JSON");
    assert!(json.contains("\"class_name\": \"Counter\"") && json.contains("\"new_sqlite_classes\": [\"Counter\"]"));

    let json = add_counter("{}", Format::Json);
    serde_json::from_str::<serde_json::Value>(&json).expect("the output is JSON");

    let toml = add_counter("durable_objects = { bindings = [] }\nmigrations = []\n", Format::Toml);
    assert!(toml.contains("class_name = \"Counter\"") && toml.contains("tag = \"v1\""), "{toml}");

    let toml = add_counter("[durable_objects]\n", Format::Toml);
    assert!(toml.contains("[[durable_objects.bindings]]"), "{toml}");

    let toml = add_counter("", Format::Toml);
    assert!(toml.contains("[[migrations]]"), "{toml}");
}

#[test]
fn odd_configs_are_errors_not_panics() {
    let desired = [DesiredObject { class: "Counter".into(), binding: "COUNTER".into(), sqlite: true }];
    for (text, format) in [
        ("", Format::Jsonc),
        ("[]", Format::Json),
        ("{\"durable_objects\": []}", Format::Jsonc),
        ("{\"durable_objects\": {\"bindings\": [1]}}", Format::Jsonc),
        ("{\"migrations\": [{\"tag\": 1}]}", Format::Json),
        ("{\"migrations\": [{\"tag\": \"v1\", \"renamed_classes\": [{\"from\": \"A\"}]}]}", Format::Json),
        ("durable_objects = 1", Format::Toml),
        ("durable_objects = { bindings = 1 }", Format::Toml),
        ("durable_objects = { bindings = [1] }", Format::Toml),
        ("[[migrations]]\ntag = \"v1\"\nnew_classes = \"A\"\n", Format::Toml),
        ("[[migrations]]\nnew_classes = [\"A\"]\n", Format::Toml),
        ("[a\n", Format::Toml),
    ] {
        match wrangler::plan(text, format, &desired, &[], Options::default()) {
            Ok(plan) => panic!("{text:?} planned: {plan:?}"),
            Err(error) => assert!(error.location().is_some(), "{text:?}: no location in `{error}`"),
        }
    }
}
