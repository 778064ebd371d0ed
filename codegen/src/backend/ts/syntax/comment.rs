//! Doc comments: Rust doc lines as TSDoc `/** ... */` blocks, as a
//! [`Doc`] or written directly.

use crate::backend::ts::doc::{Doc, concat, hardline, text};

/// `/** ... */` and a line break, or nothing for no docs.
pub fn doc_comment(docs: &[String]) -> Doc<'static> {
    let lines = tsdoc_lines(docs);
    match lines.as_slice() {
        [] => text(""),
        [one] => concat([text(format!("/** {one} */")), hardline()]),
        many => {
            let mut parts = vec![text("/**"), hardline()];
            for l in many {
                parts.push(text(if l.is_empty() { " *".to_owned() } else { format!(" * {l}") }));
                parts.push(hardline());
            }
            parts.push(text(" */"));
            parts.push(hardline());
            concat(parts)
        }
    }
}

/// What [`doc_comment`] prints at indentation `indent`, at the end of
/// `out`: each line, then a line break and the indentation.
pub fn write_doc_comment(docs: &[String], indent: usize, out: &mut String) {
    let newline = |out: &mut String| {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', indent));
    };
    // One line with nothing to escape, the usual comment: no copies.
    if let [one] = docs
        && !one.contains('\n')
        && !one.contains("*/")
    {
        let one = one.trim_end();
        if !one.is_empty() {
            out.push_str("/** ");
            out.push_str(one);
            out.push_str(" */");
            newline(out);
        }
        return;
    }
    let lines = tsdoc_lines(docs);
    match lines.as_slice() {
        [] => {}
        [one] => {
            out.push_str("/** ");
            out.push_str(one);
            out.push_str(" */");
            newline(out);
        }
        many => {
            out.push_str("/**");
            newline(out);
            for l in many {
                out.push_str(" *");
                if !l.is_empty() {
                    out.push(' ');
                    out.push_str(l);
                }
                newline(out);
            }
            out.push_str(" */");
            newline(out);
        }
    }
}

/// Rust doc lines as TSDoc lines: block docs split, outer blank lines
/// dropped, `*/` escaped.
pub fn tsdoc_lines(docs: &[String]) -> Vec<String> {
    let mut lines: Vec<String> =
        docs.iter().flat_map(|d| d.split('\n')).map(|l| l.trim_end().replace("*/", "*\\/")).collect();
    while lines.first().is_some_and(String::is_empty) {
        lines.remove(0);
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}
