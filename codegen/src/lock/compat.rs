//! Whether values still fit: wire shapes and serde types compared in one
//! direction at a time.
//!
//! - [`Dir::Input`]: callers write, Rust reads. Every value the locked
//!   interface accepted must still be accepted.
//! - [`Dir::Output`]: Rust writes, callers read with what they were built
//!   against. Every value the current interface writes must be readable by
//!   the locked one.
//!
//! Types with the same name on both sides are the same type: their own
//! changes are reported once, at the type, in the directions the lock says
//! they travel. Types with different names (a type renamed, an argument
//! switched to another type) are compared by their wire form.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use super::change::{Change, Kind, Severity};
use super::model::*;
use super::shape_text::{parse_shape, shape_text};
use crate::model::{FloatKind, IntKind, Shape};

/// A direction values travel in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Dir {
    /// Callers write, Rust reads: arguments.
    Input,
    /// Rust writes, callers read: results and errors.
    Output,
}

/// The directions a locked type travels in.
fn dirs(usage: LockUsage) -> Vec<Dir> {
    let mut out = Vec::new();
    if usage.input() {
        out.push(Dir::Input);
    }
    if usage.output() {
        out.push(Dir::Output);
    }
    out
}

/// Changes found so far.
#[derive(Debug, Default)]
pub(super) struct Sink {
    /// In the order found.
    pub changes: Vec<Change>,
}

impl Sink {
    /// Records one change.
    pub fn push(&mut self, kind: Kind, severity: Severity, item: &str, at: &str, message: String) {
        self.changes.push(Change { kind, severity, item: item.to_owned(), at: at.to_owned(), message });
    }

    fn breaking(&self) -> bool {
        self.changes.iter().any(|c| c.severity == Severity::Breaking)
    }
}

/// `Breaking` unless `ok`.
pub(super) fn severity(ok: bool) -> Severity {
    if ok { Severity::Compatible } else { Severity::Breaking }
}

/// The types of both sides, by name.
pub(super) struct Types<'a> {
    old: BTreeMap<&'a str, &'a LockType>,
    new: BTreeMap<&'a str, &'a LockType>,
    /// Comparisons under way: assumed to hold, so recursive types end.
    in_progress: RefCell<BTreeSet<(String, String, Dir)>>,
}

#[derive(Clone, Copy)]
enum Side {
    Old,
    New,
}

/// Where findings about one type's insides point.
struct Owner<'c> {
    /// The type's name, e.g. `Shape` or `Shape::Circle`.
    item: String,
    /// The type's current place.
    at: &'c str,
    /// `deny_unknown_fields` on the locked and the current type.
    deny: (bool, bool),
}

impl<'a> Types<'a> {
    /// Indexes both sides' types.
    pub fn new(old: &'a Lock, new: &'a Lock) -> Self {
        Types {
            old: old.types.iter().map(|t| (t.name.as_str(), t)).collect(),
            new: new.types.iter().map(|t| (t.name.as_str(), t)).collect(),
            in_progress: RefCell::new(BTreeSet::new()),
        }
    }

    /// Whether values of the locked shape `old` still fit the current shape
    /// `new` in direction `dir`. Text that does not parse never fits.
    pub fn text_ok(&self, old: &str, new: &str, dir: Dir) -> bool {
        old == new
            || match (parse_shape(old), parse_shape(new)) {
                (Ok(o), Ok(n)) => self.shape_ok(&o, &n, dir),
                _ => false,
            }
    }

    fn shape_ok(&self, old: &Shape, new: &Shape, dir: Dir) -> bool {
        use Shape::*;
        if let (Named(n, a), Named(m, b)) = (old, new)
            && n == m
        {
            return a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| self.shape_ok(x, y, Dir::Input) && self.shape_ok(x, y, Dir::Output));
        }
        if let Some(t) = self.unwrap(Side::Old, old) {
            return self.guarded(old, new, dir, || self.shape_ok(&t, new, dir));
        }
        if let Some(t) = self.unwrap(Side::New, new) {
            return self.guarded(old, new, dir, || self.shape_ok(old, &t, dir));
        }
        let input = dir == Dir::Input;
        match (old, new) {
            (Named(n, a), Named(m, b)) => {
                a.is_empty() && b.is_empty() && self.guarded(old, new, dir, || self.defs_ok(n, m, dir))
            }
            (Int(a), Int(b)) => {
                if input {
                    int_within(*a, *b)
                } else {
                    int_within(*b, *a)
                }
            }
            (Float(a), Float(b)) => {
                if input {
                    float_within(*a, *b)
                } else {
                    float_within(*b, *a)
                }
            }
            (Char, String) | (Unit, Option(_)) => input,
            (String, Char) | (Option(_), Unit) => !input,
            (Option(x), Option(y)) | (Seq(x), Seq(y)) => self.shape_ok(x, y, dir),
            (x, Option(y)) => input && self.shape_ok(x, y, dir),
            (Option(x), y) => !input && self.shape_ok(x, y, dir),
            (Array(x, n), Array(y, m)) => n == m && self.shape_ok(x, y, dir),
            (Array(x, _), Seq(y)) => input && self.shape_ok(x, y, dir),
            (Seq(x), Array(y, _)) => !input && self.shape_ok(x, y, dir),
            (Tuple(xs), Tuple(ys)) => xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| self.shape_ok(x, y, dir)),
            (Map(k, v), Map(k2, v2)) => self.shape_ok(k, k2, dir) && self.shape_ok(v, v2, dir),
            (a, b) => a == b,
        }
    }

    /// Runs `check` unless the same comparison is already under way (a
    /// recursive type), which is then assumed to hold.
    fn guarded(&self, old: &Shape, new: &Shape, dir: Dir, check: impl FnOnce() -> bool) -> bool {
        let key = (shape_text(old), shape_text(new), dir);
        if !self.in_progress.borrow_mut().insert(key.clone()) {
            return true;
        }
        let ok = check();
        self.in_progress.borrow_mut().remove(&key);
        ok
    }

    /// What an alias or newtype without type parameters stands for.
    fn unwrap(&self, side: Side, shape: &Shape) -> Option<Shape> {
        let Shape::Named(name, args) = shape else { return None };
        let types = match side {
            Side::Old => &self.old,
            Side::New => &self.new,
        };
        let def = types.get(name.as_str())?;
        match &def.body {
            LockBody::Alias { target } | LockBody::Transparent { target }
                if args.is_empty() && def.generics.is_empty() =>
            {
                parse_shape(target).ok()
            }
            _ => None,
        }
    }

    /// Whether two differently named types have compatible wire forms.
    fn defs_ok(&self, old: &str, new: &str, dir: Dir) -> bool {
        let (Some(o), Some(n)) = (self.old.get(old), self.new.get(new)) else { return false };
        let mut scratch = Sink::default();
        self.body(o, n, dir, &mut scratch);
        !scratch.breaking()
    }

    /// Reports the changes of a type kept under its name, in every
    /// direction the lock says it travels; a change found in both keeps the
    /// stricter classification.
    pub fn diff_type(&self, old: &LockType, new: &LockType, sink: &mut Sink) {
        let mut merged: Vec<Change> = Vec::new();
        for dir in dirs(old.usage) {
            let mut pass = Sink::default();
            self.body(old, new, dir, &mut pass);
            for change in pass.changes {
                match merged.iter_mut().find(|c| c.kind == change.kind && c.item == change.item) {
                    Some(seen) if change.severity > seen.severity => *seen = change,
                    Some(_) => {}
                    None => merged.push(change),
                }
            }
        }
        sink.changes.extend(merged);
    }

    fn body(&self, old: &LockType, new: &LockType, dir: Dir, sink: &mut Sink) {
        let item = new.name.as_str();
        let at = new.at.as_str();
        let reads = dir_words(dir);
        if old.generics.len() != new.generics.len() {
            sink.push(
                Kind::TypeGenericsChanged,
                Severity::Breaking,
                item,
                at,
                format!("type parameters changed from <{}> to <{}>", old.generics.join(", "), new.generics.join(", ")),
            );
        }
        if dir == Dir::Input && !old.deny_unknown_fields && new.deny_unknown_fields {
            sink.push(
                Kind::DenyUnknownFieldsAdded,
                Severity::Breaking,
                item,
                at,
                format!("`deny_unknown_fields` added; {} keys Rust used to ignore are now refused", reads.sent),
            );
        }
        let owner = Owner { item: item.to_owned(), at, deny: (old.deny_unknown_fields, new.deny_unknown_fields) };
        match (&old.body, &new.body) {
            (
                LockBody::Alias { target: a } | LockBody::Transparent { target: a },
                LockBody::Alias { target: b } | LockBody::Transparent { target: b },
            ) => {
                if a != b {
                    let ok = self.text_ok(a, b, dir);
                    sink.push(Kind::TypeChanged, severity(ok), item, at, type_change(a, b, ok, dir));
                }
            }
            (LockBody::Unit, LockBody::Unit) => {}
            (LockBody::Mapped { ts: a }, LockBody::Mapped { ts: b }) => {
                if a != b {
                    sink.push(
                        Kind::TypeChanged,
                        Severity::Breaking,
                        item,
                        at,
                        format!("mapped to TypeScript `{b}` instead of `{a}`: dogen cannot tell whether the values still fit"),
                    );
                }
            }
            (LockBody::Tuple { items: a }, LockBody::Tuple { items: b }) => {
                self.items(a, b, dir, Kind::TypeChanged, &owner, sink);
            }
            (LockBody::Struct(a), LockBody::Struct(b)) => self.object(a, b, dir, &owner, sink),
            (LockBody::Enum { tagging: ta, variants: va }, LockBody::Enum { tagging: tb, variants: vb }) => {
                if ta != tb {
                    sink.push(
                        Kind::EnumTaggingChanged,
                        Severity::Breaking,
                        item,
                        at,
                        format!("tagging changed from {} to {}", tagging(ta), tagging(tb)),
                    );
                }
                self.variants(va, vb, dir, &owner, sink);
            }
            (a, b) => sink.push(
                Kind::TypeKindChanged,
                Severity::Breaking,
                item,
                at,
                format!("changed from {} to {}: a different wire form", body_kind(a), body_kind(b)),
            ),
        }
    }

    /// The elements of a tuple struct or tuple variant.
    fn items(&self, a: &[String], b: &[String], dir: Dir, kind: Kind, owner: &Owner<'_>, sink: &mut Sink) {
        if a.len() != b.len() {
            sink.push(
                kind,
                Severity::Breaking,
                &owner.item,
                owner.at,
                format!("holds ({}) instead of ({}): arrays of another length", b.join(", "), a.join(", ")),
            );
            return;
        }
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            if x != y {
                let ok = self.text_ok(x, y, dir);
                sink.push(kind, severity(ok), &format!("{}.{i}", owner.item), owner.at, type_change(x, y, ok, dir));
            }
        }
    }

    fn object(&self, old: &LockObject, new: &LockObject, dir: Dir, owner: &Owner<'_>, sink: &mut Sink) {
        let words = dir_words(dir);
        if old.tag != new.tag {
            let show = |t: &Option<LockTag>| t.as_ref().map_or("none".into(), |t| format!("`{}: {}`", t.key, t.value));
            sink.push(
                Kind::StructTagChanged,
                Severity::Breaking,
                &owner.item,
                owner.at,
                format!("tag changed from {} to {}", show(&old.tag), show(&new.tag)),
            );
        }
        for nf in &new.fields {
            let item = format!("{}.{}", owner.item, nf.name);
            let at = nf.at.as_deref().unwrap_or(owner.at);
            let Some(of) = old.fields.iter().find(|f| f.name == nf.name) else {
                let (ok, why) = match dir {
                    Dir::Input if nf.missing_on_input => (true, "it may be left out, so calls without it still work"),
                    Dir::Input => (false, "it is required, so calls from callers that do not send it are refused"),
                    Dir::Output if owner.deny.0 => {
                        (false, "readers built with `deny_unknown_fields` refuse the new key")
                    }
                    Dir::Output => (true, "readers ignore keys they do not know"),
                };
                sink.push(Kind::FieldAdded, severity(ok), &item, at, format!("added to a type {}; {why}", words.role));
                continue;
            };
            if of.flatten != nf.flatten {
                sink.push(Kind::FieldTypeChanged, Severity::Breaking, &item, at, "`flatten` changed".into());
            } else if of.ts.is_some() || nf.ts.is_some() {
                if of.ts != nf.ts || of.ty != nf.ty {
                    let show = |f: &LockField| match &f.ts {
                        Some(ts) => format!("TypeScript `{ts}` (mapped)"),
                        None => format!("`{}`", f.ty),
                    };
                    sink.push(
                        Kind::FieldTypeChanged,
                        Severity::Breaking,
                        &item,
                        at,
                        format!(
                            "type changed from {} to {}: dogen cannot tell whether mapped values still fit",
                            show(of),
                            show(nf)
                        ),
                    );
                }
            } else if of.ty != nf.ty {
                let ok = self.text_ok(&of.ty, &nf.ty, dir);
                sink.push(Kind::FieldTypeChanged, severity(ok), &item, at, type_change(&of.ty, &nf.ty, ok, dir));
            }
            match dir {
                Dir::Input if of.missing_on_input && !nf.missing_on_input => sink.push(
                    Kind::FieldMadeRequired,
                    Severity::Breaking,
                    &item,
                    at,
                    "was optional and is now required; callers that leave it out are refused".into(),
                ),
                Dir::Input if !of.missing_on_input && nf.missing_on_input => sink.push(
                    Kind::FieldMadeOptional,
                    Severity::Compatible,
                    &item,
                    at,
                    "may now be left out; callers that send it still work".into(),
                ),
                Dir::Output if !of.missing_on_output && nf.missing_on_output => {
                    let ok = of.missing_on_input;
                    let why =
                        if ok { "readers accept it missing" } else { "readers built against the lock require it" };
                    sink.push(Kind::FieldMadeOptional, severity(ok), &item, at, format!("may now be left out; {why}"));
                }
                Dir::Output if of.missing_on_output && !nf.missing_on_output => sink.push(
                    Kind::FieldMadeRequired,
                    Severity::Compatible,
                    &item,
                    at,
                    "is now always written; readers that handled it missing still work".into(),
                ),
                _ => {}
            }
        }
        for of in old.fields.iter().filter(|f| !new.fields.iter().any(|n| n.name == f.name)) {
            let item = format!("{}.{}", owner.item, of.name);
            let (ok, why) = match dir {
                Dir::Input if owner.deny.1 => (false, "callers still send it and `deny_unknown_fields` refuses it"),
                Dir::Input => (true, "Rust ignores the key callers still send"),
                Dir::Output if of.missing_on_input => (true, "readers accept it missing"),
                Dir::Output => (false, "readers built against the lock require it"),
            };
            sink.push(
                Kind::FieldRemoved,
                severity(ok),
                &item,
                owner.at,
                format!("removed from a type {}; {why}", words.role),
            );
        }
    }

    fn variants(&self, old: &[LockVariant], new: &[LockVariant], dir: Dir, owner: &Owner<'_>, sink: &mut Sink) {
        let words = dir_words(dir);
        for nv in new {
            let item = format!("{}::{}", owner.item, nv.name);
            let at = nv.at.as_deref().unwrap_or(owner.at);
            let Some(ov) = old.iter().find(|v| v.name == nv.name) else {
                let (ok, why) = match dir {
                    Dir::Input => (true, "callers that do not send it still work"),
                    Dir::Output => (false, "callers built against the lock cannot read it"),
                };
                sink.push(
                    Kind::VariantAdded,
                    severity(ok),
                    &item,
                    at,
                    format!("added to an enum {}; {why}", words.role),
                );
                continue;
            };
            if ov.untagged != nv.untagged {
                sink.push(Kind::VariantChanged, Severity::Breaking, &item, at, "`untagged` changed".into());
            }
            if dir == Dir::Input && !ov.output_only && nv.output_only {
                sink.push(
                    Kind::VariantChanged,
                    Severity::Breaking,
                    &item,
                    at,
                    "is no longer read by Rust (`skip_deserializing`), but callers may send it".into(),
                );
            }
            let inner = Owner { item: item.clone(), at, deny: owner.deny };
            match (&ov.body, &nv.body) {
                (LockVariantBody::Unit, LockVariantBody::Unit) => {}
                (LockVariantBody::Newtype { ty: a }, LockVariantBody::Newtype { ty: b }) => {
                    if a != b {
                        let ok = self.text_ok(a, b, dir);
                        sink.push(Kind::VariantTypeChanged, severity(ok), &item, at, type_change(a, b, ok, dir));
                    }
                }
                (LockVariantBody::Tuple { items: a }, LockVariantBody::Tuple { items: b }) => {
                    self.items(a, b, dir, Kind::VariantTypeChanged, &inner, sink)
                }
                (LockVariantBody::Struct(a), LockVariantBody::Struct(b)) => self.object(a, b, dir, &inner, sink),
                (a, b) => sink.push(
                    Kind::VariantChanged,
                    Severity::Breaking,
                    &item,
                    at,
                    format!("changed from a {} variant to a {} variant", variant_kind(a), variant_kind(b)),
                ),
            }
        }
        for ov in old.iter().filter(|v| !new.iter().any(|n| n.name == v.name)) {
            let item = format!("{}::{}", owner.item, ov.name);
            let (ok, why) = match dir {
                Dir::Input if ov.output_only => (true, "Rust never read it, so no caller could send it"),
                Dir::Input => (false, "callers may still send it and are refused"),
                Dir::Output => (true, "callers never receive it any more"),
            };
            sink.push(
                Kind::VariantRemoved,
                severity(ok),
                &item,
                owner.at,
                format!("removed from an enum {}; {why}", words.role),
            );
        }
    }
}

/// Words about a direction, for messages.
struct DirWords {
    /// "callers send" or "callers receive".
    role: &'static str,
    /// "callers sending".
    sent: &'static str,
}

fn dir_words(dir: Dir) -> DirWords {
    match dir {
        Dir::Input => DirWords { role: "callers send", sent: "callers sending" },
        Dir::Output => DirWords { role: "callers receive", sent: "callers receiving" },
    }
}

/// `` `u32` → `u64`: every value callers sent still fits ``.
pub(super) fn type_change(old: &str, new: &str, ok: bool, dir: Dir) -> String {
    let why = match (dir, ok) {
        (Dir::Input, true) => "every value callers could send still fits",
        (Dir::Input, false) => "some values callers could send no longer fit",
        (Dir::Output, true) => "callers built against the lock can read every new value",
        (Dir::Output, false) => "callers built against the lock cannot read every new value",
    };
    format!("type changed from `{old}` to `{new}`; {why}")
}

fn tagging(t: &LockTagging) -> String {
    match t {
        LockTagging::External => "external".into(),
        LockTagging::Internal { tag } => format!("internal (`tag = \"{tag}\"`)"),
        LockTagging::Adjacent { tag, content } => format!("adjacent (`tag = \"{tag}\", content = \"{content}\"`)"),
        LockTagging::Untagged => "untagged".into(),
    }
}

fn body_kind(b: &LockBody) -> &'static str {
    match b {
        LockBody::Alias { .. } => "an alias",
        LockBody::Transparent { .. } => "a newtype",
        LockBody::Unit => "a unit struct",
        LockBody::Tuple { .. } => "a tuple struct",
        LockBody::Struct(_) => "a struct",
        LockBody::Enum { .. } => "an enum",
        LockBody::Mapped { .. } => "a mapped type",
    }
}

fn variant_kind(b: &LockVariantBody) -> &'static str {
    match b {
        LockVariantBody::Unit => "unit",
        LockVariantBody::Newtype { .. } => "newtype",
        LockVariantBody::Tuple { .. } => "tuple",
        LockVariantBody::Struct(_) => "struct",
    }
}

/// Whether every value of `a` is a value of `b`, on every target: `usize`
/// and `isize` are 32 bits on wasm32 and 64 bits on most hosts.
fn int_within(a: IntKind, b: IntKind) -> bool {
    use IntKind::*;
    let signed = |k: IntKind| matches!(k, I8 | I16 | I32 | I64 | I128 | Isize);
    let bits = |k: IntKind| -> (u32, u32) {
        match k {
            I8 | U8 => (8, 8),
            I16 | U16 => (16, 16),
            I32 | U32 => (32, 32),
            I64 | U64 => (64, 64),
            I128 | U128 => (128, 128),
            Isize | Usize => (32, 64),
        }
    };
    let (a_max, b_min) = (bits(a).1, bits(b).0);
    match (signed(a), signed(b)) {
        (false, false) | (true, true) => a == b || a_max <= b_min,
        (false, true) => a_max < b_min,
        (true, false) => false,
    }
}

fn float_within(a: FloatKind, b: FloatKind) -> bool {
    a == b || (a == FloatKind::F32 && b == FloatKind::F64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_widen_only_into_types_that_hold_every_value() {
        use IntKind::*;
        assert!(int_within(U32, U64));
        assert!(int_within(U32, I64));
        assert!(!int_within(U64, I64));
        assert!(!int_within(I32, U64));
        assert!(int_within(Usize, Usize));
        assert!(int_within(U32, Usize));
        assert!(!int_within(Usize, U32));
        assert!(int_within(Usize, U64));
        assert!(!int_within(U64, Usize));
    }
}
