//! `dogen ts` golden cases, and proof that the golden TypeScript works.
//!
//! Each folder in `cases/ts/` is one behaviour: a crate (`input.rs` as its
//! root module, or `crate/src/lib.rs` with modules beside it) and what
//! `dogen ts` makes of it: `index.ts` and `env.d.ts` always, `client.ts`
//! where the case is about the client, or `errors.txt` when the crate is
//! refused. Bless new or changed outputs with `UPDATE_EXPECT=1` (see
//! `dogen_tests::Golden`), then read the diff.
//!
//! Every golden output is then compiled by the real `tsc` (from
//! `node_modules`, pinned by `package-lock.json`; run `npm install --no-save` (or `bash tests/run`) first)
//! together with the case's `caller.ts`, which uses the types and holds
//! `@ts-expect-error` lines for misuse the types must reject. All cases are
//! one program, one `tsc` run: each case's trait has its own name, so their
//! bindings merge into one `Env` without clashing. Prettier (pinned too)
//! must leave every golden file as it is, and the generated `env.d.ts` must
//! merge with what the real `wrangler types` writes (`tests/ts/wrangler/`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use dogen_codegen::Error;
use dogen_codegen::backend::ts::TypeScript;
use dogen_codegen::backend::{OutputFile, render};
use dogen_codegen::model::Api;
use dogen_tests::Golden;

/// Where the cases live, relative to this crate.
const CASES: &str = "cases/ts";

/// Files every succeeding case must have beside its input.
const ALWAYS: &[&str] = &["index.ts", "env.d.ts"];

/// The client is compared only where a case keeps a golden `client.ts`.
const CLIENT: &str = "client.ts";

/// The client runtime, the same for every crate: compared where a case
/// keeps a golden `runtime.ts`.
const RUNTIME: &str = "runtime.ts";

/// Expected diagnostics of a refused crate.
const ERRORS: &str = "errors.txt";

/// The case's own TypeScript, compiled with the golden files.
const CALLER: &str = "caller.ts";

/// Real values of the case's types, written by `tests/values/run` from the
/// case's `values.rs`, compiled with the golden files.
const VALUES: &str = "values.ts";

/// Values callers may send, which native RPC reads once prepared: written
/// by `tests/values/run`, compiled without `exactOptionalPropertyTypes`.
const INPUTS: &str = "inputs.ts";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// Every case folder, sorted.
fn cases() -> Vec<PathBuf> {
    dogen_tests::case_dirs(CASES)
}

fn name(case: &Path) -> String {
    dogen_tests::case_name(case)
}

/// The root module of a case's crate.
fn root_module(case: &Path) -> PathBuf {
    let single = case.join("input.rs");
    if single.is_file() { single } else { case.join("crate/src/lib.rs") }
}

/// `dogen ts` on the crate whose root module is `root`, in memory.
fn generate(root: &Path) -> Result<(Api, Vec<OutputFile>), Error> {
    let (_, api) = dogen_codegen::load::load_root(root, &[&TypeScript])?;
    let files = render(&TypeScript, &api)?;
    Ok((api, files))
}

/// What `dogen ts` made of one case.
enum Outcome {
    /// The generated files, by name.
    Files(BTreeMap<&'static str, String>),
    /// The diagnostics, one per line, paths relative to the case folder.
    Errors(String),
}

fn run_case(case: &Path) -> Outcome {
    // Deeply nested cases need syn's recursion: the stack a command line
    // gives its work, not a test thread's 2 MiB.
    let case = case.to_path_buf();
    std::thread::Builder::new()
        .stack_size(BIG_STACK)
        .spawn(move || run_case_here(&case))
        .expect("a thread")
        .join()
        .expect("the case ran")
}

/// The stack `dogen` runs its work on.
const BIG_STACK: usize = 64 << 20;

fn run_case_here(case: &Path) -> Outcome {
    match generate(&root_module(case)) {
        Ok((_, files)) => Outcome::Files(files.into_iter().map(|f| (f.name, f.contents)).collect()),
        Err(Error::Diagnostics(list)) => {
            let prefix = format!("{}/", case.display());
            let lines: Vec<String> = list.iter().map(|d| d.to_string().replace(&prefix, "")).collect();
            Outcome::Errors(lines.join("\n") + "\n")
        }
        Err(other) => Outcome::Errors(format!("{other}\n")),
    }
}

#[test]
fn golden_outputs_match() {
    let cases = cases();
    assert!(cases.len() >= 30, "expected at least 30 cases in {CASES}, found {}", cases.len());
    let mut golden = Golden::new();
    for case in &cases {
        match run_case(case) {
            Outcome::Files(files) => {
                if case.join(ERRORS).exists() {
                    golden.fail(format!("{}: expected errors, but dogen ts succeeded", name(case)));
                    continue;
                }
                for file in ALWAYS {
                    golden.check(&case.join(file), &files[file]);
                }
                for file in [CLIENT, RUNTIME] {
                    if case.join(file).exists() {
                        golden.check(&case.join(file), &files[file]);
                    }
                }
                if !case.join(CALLER).exists() {
                    golden.fail(format!("{}: no {CALLER} uses the generated types", name(case)));
                }
            }
            Outcome::Errors(errors) => golden.check(&case.join(ERRORS), &errors),
        }
    }
    golden.finish();
}

#[test]
fn golden_outputs_are_deterministic() {
    for case in cases() {
        let (first, second) = (run_case(&case), run_case(&case));
        match (first, second) {
            (Outcome::Files(a), Outcome::Files(b)) => assert_eq!(a, b, "{}: two runs differ", name(&case)),
            (Outcome::Errors(a), Outcome::Errors(b)) => assert_eq!(a, b, "{}: two runs differ", name(&case)),
            _ => panic!("{}: one run failed and the other did not", name(&case)),
        }
    }
}

/// The directory where tests put files for `tsc` and wrangler.
pub fn work_dir(what: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-ts").join(what);
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("cannot clear {}: {e}", dir.display()));
    }
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// The pinned `node` (node_modules/.bin/node), or a failure that says how
/// to install it.
pub fn node() -> Command {
    let root = repo_root();
    let node = root.join("node_modules/.bin/node");
    assert!(
        node.exists(),
        "{} is missing: run `npm install --no-save` at the repository root ({}) to install the pinned JavaScript tools",
        node.display(),
        root.display()
    );
    Command::new(node)
}

/// The pinned `node` running a script under `node_modules`, or a failure
/// that says how to install them.
pub fn node_tool(script: &str) -> Command {
    let root = repo_root();
    let script = root.join("node_modules").join(script);
    assert!(
        script.exists(),
        "{} is missing: run `npm install --no-save` at the repository root ({}) to install the pinned JavaScript tools",
        script.display(),
        root.display()
    );
    let mut command = node();
    command.arg(script);
    command
}

/// Runs `tsc -p <dir>` and fails with its output.
pub fn tsc(project: &Path) {
    let output =
        node_tool("typescript/bin/tsc").arg("-p").arg(project).arg("--pretty").arg("false").output().expect("tsc runs");
    assert!(
        output.status.success(),
        "tsc rejected {}:\n{}{}",
        project.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A tsconfig.json extending the shared options, listing `files`.
pub fn tsconfig(dir: &Path, files: &[PathBuf], types: &[&str]) {
    tsconfig_with(dir, files, types, "");
}

/// A tsconfig.json extending the shared options with `extra` compiler
/// options (JSON members, each followed by a comma), listing `files`.
fn tsconfig_with(dir: &Path, files: &[PathBuf], types: &[&str], extra: &str) {
    let base = repo_root().join("tests/ts/tsconfig.base.json");
    let type_roots = repo_root().join("node_modules/@cloudflare");
    let list = |items: Vec<String>| items.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ");
    let json = format!(
        "{{\n  \"extends\": {:?},\n  \"compilerOptions\": {{ {extra}\"types\": [{}], \"typeRoots\": [{:?}] }},\n  \"files\": [{}]\n}}\n",
        base.display().to_string(),
        list(types.iter().map(|t| (*t).to_owned()).collect()),
        type_roots.display().to_string(),
        list(files.iter().map(|f| f.display().to_string()).collect()),
    );
    fs::write(dir.join("tsconfig.json"), json).expect("tsconfig.json is written");
}

/// The module settings projects use: the generated files and the callers
/// beside them must compile under each (`verbatimModuleSyntax` is on in
/// all of them, from the shared options).
const MODULE_SETTINGS: &[(&str, &str)] = &[
    ("bundler", r#""module": "es2022", "moduleResolution": "bundler", "#),
    ("node16", r#""module": "node16", "moduleResolution": "node16", "#),
    ("nodenext", r#""module": "nodenext", "moduleResolution": "nodenext", "#),
];

/// Every case's golden files and caller, copied into `work` (an ES module
/// package, as Workers are), with the generated runtime beside them.
fn case_sources(work: &Path) -> Vec<PathBuf> {
    fs::write(work.join("package.json"), "{ \"type\": \"module\" }\n").expect("package.json");
    let check = work.join("check.ts");
    fs::copy(repo_root().join("tests/ts/check.ts"), &check).expect("check.ts copied");
    let mut files = vec![check];
    let mut bindings = BTreeMap::new();
    for case in cases() {
        if case.join(ERRORS).exists() {
            continue;
        }
        let Outcome::Files(generated) = run_case(&case) else { continue };
        let dir = work.join(name(&case));
        fs::create_dir_all(&dir).expect("case dir");
        for file in [ALWAYS, &[CLIENT, RUNTIME, CALLER, VALUES]].concat() {
            let golden = case.join(file);
            let contents = match fs::read_to_string(&golden) {
                Ok(text) => text,
                // No golden client or runtime: the generated ones are still compiled.
                Err(_) if file == CLIENT || file == RUNTIME => generated[file].clone(),
                Err(_) if file == VALUES => continue,
                Err(_) => panic!("{} is missing", golden.display()),
            };
            // The callers import the shared helpers by a path from their folder.
            let contents = contents.replace("\"../../../ts/check.js\"", "\"../check.js\"");
            fs::write(dir.join(file), contents).expect("copied");
            files.push(dir.join(file));
        }
        // TypeScript the case's mappings import (`money.ts`), as it sits beside index.ts.
        for entry in fs::read_dir(&case).expect("the case folder") {
            let path = entry.expect("an entry").path();
            let file = path.file_name().and_then(|f| f.to_str()).unwrap_or_default().to_owned();
            let known = [ALWAYS, &[CLIENT, RUNTIME, CALLER, VALUES, INPUTS]].concat();
            if file.ends_with(".ts") && !known.contains(&file.as_str()) {
                fs::copy(&path, dir.join(&file)).expect("copied");
                files.push(dir.join(&file));
            }
        }
        let own: std::collections::BTreeSet<String> = generated["env.d.ts"]
            .lines()
            .filter(|l| l.contains(": DurableObjectNamespace<"))
            .map(|l| l.trim().split(':').next().unwrap_or_default().to_owned())
            .collect();
        for binding in own {
            if let Some(other) = bindings.insert(binding.clone(), name(&case)) {
                panic!(
                    "cases `{other}` and `{}` both bind `{binding}`: give each case's traits their own names",
                    name(&case)
                );
            }
        }
    }
    files
}

#[test]
fn golden_outputs_type_check_under_every_module_setting() {
    std::thread::scope(|scope| {
        let runs: Vec<_> = MODULE_SETTINGS
            .iter()
            .map(|(setting, options)| {
                let run = scope.spawn(move || {
                    let work = work_dir(&format!("cases-{setting}"));
                    let files = case_sources(&work);
                    tsconfig_with(&work, &files, &["workers-types"], options);
                    tsc(&work);
                });
                (setting, run)
            })
            .collect();
        let failed: Vec<&str> = runs.into_iter().filter_map(|(s, run)| run.join().is_err().then_some(*s)).collect();
        assert!(failed.is_empty(), "tsc failed under {failed:?} (see the panics above)");
    });
}

/// Values callers send, typed by index.ts under plain `strict` (without
/// `exactOptionalPropertyTypes`, as most projects compile), which native
/// RPC reads once dogen's entry prepared them: each case's `inputs.ts`,
/// written by `tests/values/run`, which checked the reading.
#[test]
fn inputs_type_check_without_exact_optional_property_types() {
    let work = work_dir("inputs");
    let mut files = Vec::new();
    for case in cases().into_iter().filter(|c| c.join(INPUTS).exists()) {
        let dir = work.join(name(&case));
        fs::create_dir_all(&dir).expect("case dir");
        for file in ["index.ts", INPUTS] {
            fs::copy(case.join(file), dir.join(file)).expect("copied");
            files.push(dir.join(file));
        }
    }
    assert!(!files.is_empty(), "no case has {INPUTS}");
    tsconfig_with(&work, &files, &["workers-types"], "\"exactOptionalPropertyTypes\": false, ");
    tsc(&work);
}

/// The generated files are laid out as Prettier (pinned in package.json,
/// default options) formats them: Prettier leaves every golden file as it
/// is.
#[test]
fn golden_outputs_are_formatted_like_prettier() {
    let mut files = Vec::new();
    for case in cases() {
        for file in [ALWAYS, &[CLIENT, RUNTIME]].concat() {
            if case.join(file).exists() {
                files.push(case.join(file));
            }
        }
    }
    assert!(files.len() >= 60, "expected the goldens of every case, found {}", files.len());
    let output = node_tool("prettier/bin/prettier.cjs")
        .args(["--check", "--no-config", "--no-editorconfig", "--ignore-path", ""])
        .args(&files)
        .output()
        .expect("prettier runs");
    assert!(
        output.status.success(),
        "Prettier would reformat generated files:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The generated fetch client, bundled by esbuild and run by the pinned
/// node against a fake stub: what it sends, and how it reads every kind of
/// reply (`tests/ts/client_runs.ts`). Type-checked first.
#[test]
fn the_fetch_client_reads_replies_as_the_protocol_says() {
    let work = work_dir("client-runs");
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join(CASES).join("result_methods_return_durable_result");
    let (_, files) = generate(&root_module(&case)).expect("the case generates");
    for file in &files {
        fs::write(work.join(file.name), &file.contents).expect("generated file written");
    }
    fs::copy(repo_root().join("tests/ts/client_runs.ts"), work.join("client_runs.ts")).expect("copied");
    let sources: Vec<PathBuf> =
        ["index.ts", "env.d.ts", "client.ts", "runtime.ts", "client_runs.ts"].iter().map(|f| work.join(f)).collect();
    tsconfig(&work, &sources, &["workers-types"]);
    tsc(&work);
    let esbuild = repo_root().join("node_modules/esbuild/bin/esbuild");
    assert!(esbuild.exists(), "{} is missing: run `npm install --no-save` at the repository root", esbuild.display());
    let bundled = Command::new(esbuild)
        .args(["client_runs.ts", "--bundle", "--format=esm", "--platform=node", "--outfile=client_runs.mjs"])
        .current_dir(&work)
        .output()
        .expect("esbuild runs");
    assert!(bundled.status.success(), "esbuild failed:\n{}", String::from_utf8_lossy(&bundled.stderr));
    let run = node().arg("client_runs.mjs").current_dir(&work).output().expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success() && stdout.trim() == "ok",
        "the client misread a reply:\n{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Two crates' clients in one bundle, each with its own copy of the
/// generated runtime: an error either client throws is `instanceof` both
/// copies' `DogenProtocolError` (`tests/ts/two_crates.ts`).
#[test]
fn errors_of_every_crates_client_are_one_class() {
    let work = work_dir("two-crates");
    let mut sources = vec![work.join("two_crates.ts")];
    fs::copy(repo_root().join("tests/ts/two_crates.ts"), &sources[0]).expect("copied");
    for (dir, case) in [("a", "result_methods_return_durable_result"), ("b", "several_traits")] {
        let case = Path::new(env!("CARGO_MANIFEST_DIR")).join(CASES).join(case);
        let (_, files) = generate(&root_module(&case)).expect("the case generates");
        fs::create_dir_all(work.join(dir)).expect("crate dir");
        for file in &files {
            fs::write(work.join(dir).join(file.name), &file.contents).expect("generated file written");
            sources.push(work.join(dir).join(file.name));
        }
    }
    fs::write(work.join("package.json"), "{ \"type\": \"module\" }\n").expect("package.json");
    tsconfig(&work, &sources, &["workers-types"]);
    tsc(&work);
    let esbuild = repo_root().join("node_modules/esbuild/bin/esbuild");
    let bundled = Command::new(esbuild)
        .args(["two_crates.ts", "--bundle", "--format=esm", "--platform=node", "--outfile=two_crates.mjs"])
        .current_dir(&work)
        .output()
        .expect("esbuild runs");
    assert!(bundled.status.success(), "esbuild failed:\n{}", String::from_utf8_lossy(&bundled.stderr));
    let run = node().arg("two_crates.mjs").current_dir(&work).output().expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success() && stdout.trim() == "ok", "{stdout}{}", String::from_utf8_lossy(&run.stderr));
}

/// Alchemy, the other deployment tool: a caller binds the object with
/// Alchemy's `DurableObjectNamespace<Counter>(...)` and types `env` through
/// `typeof worker.Env` and `declare module "cloudflare:workers"`; it
/// type-checks against dogen's `index.ts`, with and without its `env.d.ts`
/// (`tests/ts/alchemy/`, with the `alchemy` version its package.json pins).
#[test]
fn alchemy_bindings_type_check_against_the_generated_types() {
    let fixture = repo_root().join("tests/ts/alchemy");
    let modules = fixture.join("node_modules");
    assert!(
        modules.join("alchemy").is_dir(),
        "{} is missing: run `npm install` in {} (tests/run does)",
        modules.display(),
        fixture.display()
    );
    let (_, files) =
        generate(&repo_root().join("tests/ts/wrangler/counter/src/lib.rs")).expect("the counter generates");
    for with_env in [false, true] {
        let work = work_dir(if with_env { "alchemy-with-env" } else { "alchemy" });
        copy_dir(&fixture, &work);
        #[cfg(unix)]
        std::os::unix::fs::symlink(&modules, work.join("node_modules")).expect("node_modules linked");
        fs::create_dir_all(work.join("dogen")).expect("dogen dir");
        let mut sources: Vec<PathBuf> =
            ["alchemy.run.ts", "env.ts", "src/index.ts"].iter().map(|f| work.join(f)).collect();
        for file in &files {
            fs::write(work.join("dogen").join(file.name), &file.contents).expect("generated file written");
            if file.name != "env.d.ts" || with_env {
                sources.push(work.join("dogen").join(file.name));
            }
        }
        // Alchemy's own declarations are not this test's to check.
        tsconfig_with(
            &work,
            &sources,
            &["workers-types"],
            r#""skipLibCheck": true, "allowImportingTsExtensions": true, "#,
        );
        tsc(&work);
    }
}

/// Copies `from` into `to`, recursively, without `node_modules`.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("target dir");
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("cannot list {}: {e}", from.display())) {
        let entry = entry.expect("a readable entry");
        if entry.file_name() == "node_modules" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copied");
        }
    }
}

/// What `wrangler types` must write for `COUNTER` in each fixture, so the
/// test knows it checks the layout it means to.
const WRANGLER_FIXTURES: &[(&str, &str)] = &[
    ("other-script", "COUNTER: DurableObjectNamespace /* Counter from counter-rs */;"),
    ("same-script", "COUNTER: DurableObjectNamespace<import(\"./src/index\").Counter>;"),
    ("same-script-untyped", "COUNTER: DurableObjectNamespace /* Counter */;"),
];

/// One fixture: real `wrangler types` output, the generated `env.d.ts`,
/// `index.ts` and `client.ts`, and a TypeScript Worker calling the object,
/// compiled together. The runtime types come from wrangler's
/// `worker-configuration.d.ts` only (no `@cloudflare/workers-types`).
fn wrangler_fixture(fixture: &str, expected_binding: &str) {
    let fixtures = repo_root().join("tests/ts/wrangler");
    let work = work_dir(&format!("wrangler/{fixture}"));
    copy_dir(&fixtures.join(fixture), &work);
    fs::copy(fixtures.join("caller.ts"), work.join("caller.ts")).expect("caller copied");
    let (_, files) = generate(&fixtures.join("counter/src/lib.rs")).expect("the counter crate generates");
    fs::create_dir_all(work.join("dogen")).expect("dogen dir");
    for file in &files {
        fs::write(work.join("dogen").join(file.name), &file.contents).expect("generated file written");
    }
    let output = node_tool("wrangler/bin/wrangler.js")
        .arg("types")
        .current_dir(&work)
        .env("WRANGLER_SEND_METRICS", "false")
        .env("WRANGLER_LOG_PATH", work.join(".wrangler/logs"))
        .env("CI", "1")
        .output()
        .expect("wrangler runs");
    assert!(
        output.status.success(),
        "wrangler types failed in {}:\n{}{}",
        work.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let generated = fs::read_to_string(work.join("worker-configuration.d.ts")).expect("wrangler wrote its types");
    assert!(
        generated.contains(expected_binding),
        "{fixture}: wrangler types no longer declares `{expected_binding}`; the fixture does not test what it says"
    );
    let mut sources = vec![work.join("worker-configuration.d.ts"), work.join("caller.ts")];
    sources.extend(files.iter().map(|f| work.join("dogen").join(f.name)));
    for entry in fs::read_dir(work.join("src")).expect("src") {
        sources.push(entry.expect("entry").path());
    }
    sources.sort();
    tsconfig(&work, &sources, &[]);
    tsc(&work);
}

#[test]
fn wrangler_types_merge_with_the_generated_env() {
    std::thread::scope(|scope| {
        let runs: Vec<_> = WRANGLER_FIXTURES
            .iter()
            .map(|(fixture, binding)| (fixture, scope.spawn(move || wrangler_fixture(fixture, binding))))
            .collect();
        let failed: Vec<&str> = runs.into_iter().filter_map(|(f, run)| run.join().is_err().then_some(*f)).collect();
        assert!(failed.is_empty(), "wrangler fixtures failed: {failed:?} (see their panics above)");
    });
}

/// A type nested 10,000 levels deep is an error at its place, on a test
/// thread's small stack: the file is refused before syn's parser, which
/// recurses once per level, ever sees it.
#[test]
fn ten_thousand_levels_are_an_error_not_a_stack_overflow() {
    let work = work_dir("ten-thousand-levels");
    let n = 10_000;
    let source = format!(
        "#[dogen::durable]\npub trait Deep {{\n    async fn vecs(&self, deep: {}u8{});\n    async fn tuples(&self) -> {}u8{};\n}}\n",
        "Vec<".repeat(n),
        ">".repeat(n),
        "Option<(".repeat(n),
        ",)>".repeat(n),
    );
    let root = work.join("lib.rs");
    fs::write(&root, source).expect("written");
    let Err(Error::Diagnostics(list)) = generate(&root) else { panic!("a crate nested 10,000 deep is refused") };
    let shown: Vec<String> = list.iter().map(|d| d.to_string().replace(&format!("{}/", work.display()), "")).collect();
    assert_eq!(
        shown,
        [
            "lib.rs:3:539: error: this file nests deeper than 128 levels here (brackets, parentheses, braces and `<..>`); dogen reads types up to 64 levels deep"
        ]
    );
}
