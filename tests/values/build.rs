//! Every `dogen ts` case with a `values.rs` becomes a module here: its
//! `input.rs` (the case's types) and its `values.rs` (values of them).
use std::path::Path;

fn main() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cases/ts");
    println!("cargo::rerun-if-changed={}", cases.display());
    let mut names: Vec<String> = std::fs::read_dir(&cases)
        .expect("tests/cases/ts")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.join("values.rs").is_file())
        .map(|p| p.file_name().expect("a name").to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut out = String::new();
    for name in &names {
        let dir = cases.join(name).canonicalize().expect("the case folder");
        let input = if dir.join("input.rs").is_file() { dir.join("input.rs") } else { dir.join("crate/src/lib.rs") };
        out.push_str(&format!(
            "pub mod {name} {{\n    #[path = {:?}]\n    #[allow(dead_code)]\n    mod input;\n    #[allow(unused_imports)]\n    pub use input::*;\n    #[path = {:?}]\n    pub mod values;\n}}\n",
            input.display().to_string(),
            dir.join("values.rs").display().to_string(),
        ));
    }
    out.push_str("fn all() -> Vec<Case> {\n    vec![\n");
    for name in &names {
        out.push_str(&format!(
            "        Case {{ name: {name:?}, samples: {name}::values::samples(), refused: {name}::values::refused(), inputs: {name}::values::inputs() }},\n"
        ));
    }
    out.push_str("    ]\n}\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("cases.rs");
    std::fs::write(dest, out).expect("cases.rs written");
}
