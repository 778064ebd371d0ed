//! `dogen entry`: load → pair each `#[dogen::object]` with its interface →
//! render the JavaScript entry module → write it atomically.

use dogen_codegen::backend::entry::{ENTRY_FILE, Entry};
use dogen_codegen::backend::render;
use dogen_codegen::{load, output};

use super::Report;
use crate::args::EntryArgs;
use crate::error::Error;

/// Runs `dogen entry`.
pub fn run(args: &EntryArgs) -> Result<Report, Error> {
    let entry = Entry::new(&args.module)?;
    let loaded = load::load(&args.crate_dir, &[&entry])?;
    let files = render(&entry, &loaded.api)?;
    let mut changed = Vec::new();
    for file in &files {
        if output::write_file(&args.out.join(file.name), file.contents.as_bytes())? {
            changed.push(file.name);
        }
    }
    let classes: Vec<&str> =
        loaded.api.objects.iter().map(|o| loaded.api.interfaces[o.interface].class.as_str()).collect();
    let what = if changed.is_empty() { "is up to date" } else { "written" };
    let report = Report(format!("`{}` {what}: {}", args.out.join(ENTRY_FILE).display(), classes.join(", ")));
    crate::release((loaded, files));
    Ok(report)
}
