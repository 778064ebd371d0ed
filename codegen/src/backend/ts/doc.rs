//! A small layout engine in the style of Wadler's "prettier printer", as
//! the JavaScript formatter Prettier implements it: a document of text,
//! line breaks that may become spaces, groups that break only when they do
//! not fit, indentation. The TypeScript backend builds these documents the
//! way Prettier's TypeScript printer does for the same syntax, so generated
//! files come out as Prettier (default options, 80 columns) formats them.

use std::borrow::Cow;

/// The page width, as Prettier's default `printWidth`.
pub const WIDTH: usize = 80;
/// One level of indentation, as Prettier's default `tabWidth`.
pub const INDENT: usize = 2;

/// A document. Text is borrowed from what is being printed where it can be.
#[derive(Debug, Clone)]
pub enum Doc<'a> {
    /// Text without line breaks.
    Text(Cow<'a, str>),
    /// Documents one after another.
    Concat(Vec<Doc<'a>>),
    /// Breaks its lines only if it does not fit on the rest of the line.
    Group(Box<Group<'a>>),
    /// Indents the lines it breaks by one level.
    Indent(Box<Doc<'a>>),
    /// Indents the lines it breaks by a number of spaces.
    Align(usize, Box<Doc<'a>>),
    /// A line break; in a flat group, a space (`Line`), nothing (`Soft`), or
    /// a break anyway (`Hard`, which also breaks every enclosing group).
    Line(LineKind),
    /// One of two documents, depending on whether the enclosing group (or
    /// the group `id`) broke.
    IfBreak {
        /// Printed when broken.
        broken: Box<Doc<'a>>,
        /// Printed when flat.
        flat: Box<Doc<'a>>,
        /// The group to look at, instead of the enclosing one.
        id: Option<usize>,
    },
    /// Indents its contents if the group `id` broke.
    IndentIfBreak(usize, Box<Doc<'a>>),
}

/// A group's contents and whether it must break.
#[derive(Debug, Clone)]
pub struct Group<'a> {
    contents: Doc<'a>,
    broken: bool,
    id: Option<usize>,
}

/// The kinds of [`Doc::Line`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A space when flat.
    Line,
    /// Nothing when flat.
    Soft,
    /// Always a line break.
    Hard,
}

/// Text.
pub fn text<'a>(s: impl Into<Cow<'a, str>>) -> Doc<'a> {
    Doc::Text(s.into())
}

/// Documents one after another.
pub fn concat<'a>(parts: impl IntoIterator<Item = Doc<'a>>) -> Doc<'a> {
    Doc::Concat(parts.into_iter().collect())
}

/// A group: flat if it fits, broken otherwise, and always broken if it
/// holds a hard line or a broken group.
pub fn group(contents: Doc<'_>) -> Doc<'_> {
    let broken = will_break(&contents);
    Doc::Group(Box::new(Group { contents, broken, id: None }))
}

/// A group that [`if_break_of`] and [`indent_if_break`] can refer to by `id`.
pub fn group_with_id(contents: Doc<'_>, id: usize) -> Doc<'_> {
    let broken = will_break(&contents);
    Doc::Group(Box::new(Group { contents, broken, id: Some(id) }))
}

/// A group that is broken whatever its width, as Prettier keeps an object
/// broken that was written broken.
pub fn broken_group(contents: Doc<'_>) -> Doc<'_> {
    Doc::Group(Box::new(Group { contents, broken: true, id: None }))
}

/// Indents `contents` by one level.
pub fn indent(contents: Doc<'_>) -> Doc<'_> {
    Doc::Indent(Box::new(contents))
}

/// Indents `contents` by `n` spaces.
pub fn align(n: usize, contents: Doc<'_>) -> Doc<'_> {
    Doc::Align(n, Box::new(contents))
}

/// A space, or a line break.
pub fn line() -> Doc<'static> {
    Doc::Line(LineKind::Line)
}

/// Nothing, or a line break.
pub fn softline() -> Doc<'static> {
    Doc::Line(LineKind::Soft)
}

/// A line break.
pub fn hardline() -> Doc<'static> {
    Doc::Line(LineKind::Hard)
}

/// `broken` if the enclosing group breaks, `flat` otherwise.
pub fn if_break<'a>(broken: Doc<'a>, flat: Doc<'a>) -> Doc<'a> {
    Doc::IfBreak { broken: Box::new(broken), flat: Box::new(flat), id: None }
}

/// `broken` if the group `id` broke, `flat` otherwise.
pub fn if_break_of<'a>(id: usize, broken: Doc<'a>, flat: Doc<'a>) -> Doc<'a> {
    Doc::IfBreak { broken: Box::new(broken), flat: Box::new(flat), id: Some(id) }
}

/// `contents`, indented if the group `id` broke.
pub fn indent_if_break(id: usize, contents: Doc<'_>) -> Doc<'_> {
    Doc::IndentIfBreak(id, Box::new(contents))
}

/// `items` with `separator` between them.
pub fn join<'a>(separator: Doc<'a>, items: impl IntoIterator<Item = Doc<'a>>) -> Doc<'a> {
    let mut parts = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            parts.push(separator.clone());
        }
        parts.push(item);
    }
    Doc::Concat(parts)
}

/// Whether printing `doc` breaks a line whatever the width.
pub fn will_break(doc: &Doc<'_>) -> bool {
    match doc {
        Doc::Text(_) => false,
        Doc::Concat(parts) => parts.iter().any(will_break),
        Doc::Group(g) => g.broken,
        Doc::Indent(d) | Doc::Align(_, d) | Doc::IndentIfBreak(_, d) => will_break(d),
        Doc::Line(kind) => *kind == LineKind::Hard,
        Doc::IfBreak { broken, flat, .. } => will_break(broken) || will_break(flat),
    }
}

/// Whether `doc` holds any line at all.
pub fn can_break(doc: &Doc<'_>) -> bool {
    match doc {
        Doc::Text(_) => false,
        Doc::Concat(parts) => parts.iter().any(can_break),
        Doc::Group(g) => can_break(&g.contents),
        Doc::Indent(d) | Doc::Align(_, d) | Doc::IndentIfBreak(_, d) => can_break(d),
        Doc::Line(_) => true,
        Doc::IfBreak { broken, flat, .. } => can_break(broken) || can_break(flat),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Break,
    Flat,
}

#[derive(Clone)]
struct Cmd<'d, 'a> {
    indent: usize,
    mode: Mode,
    doc: &'d Doc<'a>,
}

/// Lays `doc` out within [`WIDTH`] columns.
pub fn print(doc: &Doc<'_>) -> String {
    let mut out = String::new();
    print_into(doc, &mut out);
    out
}

/// Lays `doc` out within [`WIDTH`] columns, at the end of `out`.
pub fn print_into(doc: &Doc<'_>, out: &mut String) {
    let start = out.len();
    let mut fit_stack = Vec::new();
    let mut pos = 0usize;
    let mut group_modes: Vec<Option<Mode>> = Vec::new();
    let mut cmds = vec![Cmd { indent: 0, mode: Mode::Break, doc }];
    let mut remeasure = false;
    while let Some(Cmd { indent, mode, doc }) = cmds.pop() {
        match doc {
            Doc::Text(s) => {
                out.push_str(s);
                pos += width(s);
            }
            Doc::Concat(parts) => cmds.extend(parts.iter().rev().map(|doc| Cmd { indent, mode, doc })),
            Doc::Indent(d) => cmds.push(Cmd { indent: indent + INDENT, mode, doc: d }),
            Doc::Align(n, d) => cmds.push(Cmd { indent: indent + n, mode, doc: d }),
            Doc::Group(g) => {
                let chosen = if mode == Mode::Flat && !remeasure {
                    if g.broken { Mode::Break } else { Mode::Flat }
                } else {
                    remeasure = false;
                    let next = Cmd { indent, mode: Mode::Flat, doc: &g.contents };
                    let room = WIDTH as isize - pos as isize;
                    if !g.broken && fits(next, &cmds, room, &group_modes, &mut fit_stack) {
                        Mode::Flat
                    } else {
                        Mode::Break
                    }
                };
                cmds.push(Cmd { indent, mode: chosen, doc: &g.contents });
                if let Some(id) = g.id {
                    if group_modes.len() <= id {
                        group_modes.resize(id + 1, None);
                    }
                    group_modes[id] = Some(chosen);
                }
            }
            Doc::IfBreak { broken, flat, id } => {
                let mode = match id {
                    Some(id) => group_modes.get(*id).copied().flatten().unwrap_or(Mode::Flat),
                    None => mode,
                };
                cmds.push(Cmd { indent, mode, doc: if mode == Mode::Break { broken } else { flat } });
            }
            Doc::IndentIfBreak(id, d) => {
                let broke = group_modes.get(*id).copied().flatten() == Some(Mode::Break);
                cmds.push(Cmd { indent: if broke { indent + INDENT } else { indent }, mode, doc: d });
            }
            Doc::Line(kind) => {
                if mode == Mode::Flat && *kind != LineKind::Hard {
                    if *kind == LineKind::Line {
                        out.push(' ');
                        pos += 1;
                    }
                    continue;
                }
                if mode == Mode::Flat {
                    remeasure = true;
                }
                let trimmed = out[start..].trim_end_matches([' ', '\t']).len();
                out.truncate(start + trimmed);
                out.push('\n');
                const SPACES: &str = "                                                                ";
                let mut left = indent;
                while left > 0 {
                    let n = left.min(SPACES.len());
                    out.push_str(&SPACES[..n]);
                    left -= n;
                }
                pos = indent;
            }
        }
    }
}

/// The columns `s` takes: its characters (bytes, when ASCII).
pub fn width(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().count() }
}

/// Whether `next` fits in `room` columns, counting what follows it up to
/// the next possible line break (Prettier's `fits`).
fn fits<'d, 'a>(
    next: Cmd<'d, 'a>,
    rest: &[Cmd<'d, 'a>],
    room: isize,
    group_modes: &[Option<Mode>],
    cmds: &mut Vec<(Mode, &'d Doc<'a>)>,
) -> bool {
    let mut room = room;
    let mut pending_space = false;
    let mut rest_index = rest.len();
    cmds.clear();
    cmds.push((next.mode, next.doc));
    while room >= 0 {
        let Some((mode, doc)) = cmds.pop() else {
            if rest_index == 0 {
                return true;
            }
            rest_index -= 1;
            cmds.push((rest[rest_index].mode, rest[rest_index].doc));
            continue;
        };
        match doc {
            Doc::Text(s) if !s.is_empty() => {
                if pending_space {
                    room -= 1;
                    pending_space = false;
                }
                room -= width(s) as isize;
            }
            Doc::Text(_) => {}
            Doc::Concat(parts) => cmds.extend(parts.iter().rev().map(|d| (mode, d))),
            Doc::Indent(d) | Doc::Align(_, d) | Doc::IndentIfBreak(_, d) => cmds.push((mode, d)),
            Doc::Group(g) => cmds.push((if g.broken { Mode::Break } else { mode }, &g.contents)),
            Doc::IfBreak { broken, flat, id } => {
                let mode_here = match id {
                    Some(id) => group_modes.get(*id).copied().flatten().unwrap_or(Mode::Flat),
                    None => mode,
                };
                cmds.push((mode, if mode_here == Mode::Break { broken } else { flat }));
            }
            Doc::Line(kind) => {
                if mode == Mode::Break || *kind == LineKind::Hard {
                    return true;
                }
                if *kind == LineKind::Line {
                    pending_space = true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list<'a>(items: &[&'a str]) -> Doc<'a> {
        group(concat([
            text("["),
            indent(concat([softline(), join(concat([text(","), line()]), items.iter().map(|i| text(*i)))])),
            if_break(text(","), text("")),
            softline(),
            text("]"),
        ]))
    }

    #[test]
    fn a_group_that_fits_stays_flat() {
        assert_eq!(print(&list(&["a", "b"])), "[a, b]");
    }

    #[test]
    fn a_group_too_wide_breaks_with_a_trailing_comma() {
        let long = "x".repeat(50);
        assert_eq!(print(&list(&[&long, &long])), format!("[\n  {long},\n  {long},\n]"));
    }

    #[test]
    fn a_hard_line_breaks_every_enclosing_group() {
        let doc =
            group(concat([text("{"), indent(concat([line(), text("a"), hardline(), text("b")])), line(), text("}")]));
        assert_eq!(print(&doc), "{\n  a\n  b\n}");
    }

    #[test]
    fn what_follows_a_group_counts_toward_its_width() {
        let doc = concat([list(&["a", "b"]), text("y".repeat(WIDTH - 5))]);
        assert!(print(&doc).starts_with("[\n"));
    }
}
