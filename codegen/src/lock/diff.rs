//! Locked interface × current interface → every [`Change`], classified.
//!
//! Classes are matched by class name (what deployed callers bind to), or
//! through a declared rename (`renamed_from` on the current side); methods
//! by wire name (what deployed callers call); arguments by position (how
//! they travel); fields and variants by wire name; types by name.

use super::change::{Change, Kind, Severity};
use super::compat::{Dir, Sink, Types, severity, type_change};
use super::model::*;

/// Every change from the locked interface `old` to the current one `new`,
/// interfaces first (in `new`'s order, then removed ones), then types.
pub fn diff(old: &Lock, new: &Lock) -> Vec<Change> {
    let types = Types::new(old, new);
    let mut sink = Sink::default();
    let mut matched: Vec<&str> = Vec::new();
    for iface in &new.interfaces {
        let same = old.interface(&iface.class);
        let renamed = iface
            .renamed_from
            .as_deref()
            .filter(|from| new.interface(from).is_none())
            .and_then(|from| old.interface(from));
        match same.or(renamed) {
            Some(locked) => {
                matched.push(&locked.class);
                if same.is_none() {
                    sink.push(
                        Kind::ClassRenamed,
                        Severity::Compatible,
                        &iface.class,
                        &iface.at,
                        format!(
                            "renamed from `{}`, declared as a rename: the deploy needs a `renamed_classes` migration (`dogen wrangler` adds it)",
                            locked.class
                        ),
                    );
                }
                interface(&types, locked, iface, &mut sink);
            }
            None => sink.push(
                Kind::ClassAdded,
                Severity::Compatible,
                &iface.class,
                &iface.at,
                format!("new class (trait `{}`)", iface.trait_name),
            ),
        }
    }
    let added: Vec<&str> =
        new.interfaces.iter().filter(|i| old.interface(&i.class).is_none()).map(|i| i.class.as_str()).collect();
    for locked in old.interfaces.iter().filter(|i| !matched.contains(&i.class.as_str())) {
        let mut message = format!(
            "class removed (trait `{}`, place from the lock); deployed callers bound to it fail",
            locked.trait_name
        );
        if let [one] = added.as_slice() {
            message.push_str(&format!(
                "; if `{one}` is `{}` renamed, declare it with `--rename {}={one}` so a migration keeps its data",
                locked.class, locked.class
            ));
        }
        sink.push(Kind::ClassRemoved, Severity::Breaking, &locked.class, &locked.at, message);
    }
    for new_type in &new.types {
        if let Some(old_type) = old.type_def(&new_type.name) {
            types.diff_type(old_type, new_type, &mut sink);
        }
    }
    sink.changes
}

fn interface(types: &Types<'_>, old: &LockInterface, new: &LockInterface, sink: &mut Sink) {
    let class = new.class.as_str();
    if old.trait_name != new.trait_name {
        sink.push(
            Kind::TraitRenamed,
            Severity::Compatible,
            class,
            &new.at,
            format!(
                "Rust trait renamed from `{}` to `{}`; the class name, which callers bind to, is unchanged",
                old.trait_name, new.trait_name
            ),
        );
    }
    if old.binding != new.binding {
        sink.push(
            Kind::BindingRenamed,
            Severity::Compatible,
            class,
            &new.at,
            format!(
                "binding renamed from `{}` to `{}`; callers in other Workers bind by class name, and this Worker's config follows (`dogen wrangler`)",
                old.binding, new.binding
            ),
        );
    }
    if old.sqlite != new.sqlite {
        let storage = |sqlite: bool| if sqlite { "SQLite" } else { "key-value" };
        sink.push(
            Kind::StorageChanged,
            Severity::Breaking,
            class,
            &new.at,
            format!(
                "storage changed from {} to {}; an existing class cannot switch, its data stays where it is",
                storage(old.sqlite),
                storage(new.sqlite)
            ),
        );
    }
    let mut matched: Vec<&str> = Vec::new();
    let mut added = Vec::new();
    for method in &new.methods {
        match old.methods.iter().find(|m| m.wire == method.wire) {
            Some(locked) => {
                matched.push(&locked.wire);
                signature(types, class, locked, method, sink);
            }
            None => added.push(method),
        }
    }
    for locked in old.methods.iter().filter(|m| !matched.contains(&m.wire.as_str())) {
        let item = format!("{class}.{}", locked.wire);
        if let Some(pos) = added.iter().position(|m| m.rust == locked.rust) {
            let method = added.remove(pos);
            sink.push(
                Kind::MethodRenamed,
                Severity::Breaking,
                &item,
                &method.at,
                format!(
                    "wire name changed from `{}` to `{}`; deployed callers still call `{}`",
                    locked.wire, method.wire, locked.wire
                ),
            );
        } else {
            sink.push(
                Kind::MethodRemoved,
                Severity::Breaking,
                &item,
                &locked.at,
                format!("method removed (place from the lock); deployed callers still call `{}`", locked.wire),
            );
        }
    }
    for method in added {
        sink.push(
            Kind::MethodAdded,
            Severity::Compatible,
            &format!("{class}.{}", method.wire),
            &method.at,
            "new method; deployed callers do not call it".into(),
        );
    }
}

/// Arguments by position, then the result and the error.
fn signature(types: &Types<'_>, class: &str, old: &LockMethod, new: &LockMethod, sink: &mut Sink) {
    let method = format!("{class}.{}", new.wire);
    for (i, arg) in new.args.iter().enumerate() {
        let item = format!("{method}({})", arg.name);
        let at = arg.at.as_deref().unwrap_or(&new.at);
        let Some(locked) = old.args.get(i) else {
            // Deployed callers send the locked arguments only. The runtime
            // reads missing trailing `Option` arguments as `None`, so new
            // arguments are compatible when they and all after them are
            // `Option`s.
            let trailing_options = new.args[i..].iter().all(|a| a.ty.starts_with("Option<"));
            let (kind, severity, what) = if trailing_options {
                (
                    Kind::OptionalArgumentAdded,
                    Severity::Compatible,
                    "`Option` argument added at the end; deployed callers leave it out and it is `None`",
                )
            } else {
                (
                    Kind::ArgumentAdded,
                    Severity::Breaking,
                    "argument added; only trailing `Option` arguments may be left out, so calls from deployed callers are refused",
                )
            };
            sink.push(kind, severity, &item, at, format!("{what} ({} argument(s) before)", old.args.len()));
            continue;
        };
        if locked.name != arg.name {
            sink.push(
                Kind::ArgumentRenamed,
                Severity::Compatible,
                &item,
                at,
                format!("argument {} renamed from `{}`; arguments travel by position", i + 1, locked.name),
            );
        }
        if locked.ty != arg.ty {
            let ok = types.text_ok(&locked.ty, &arg.ty, Dir::Input);
            sink.push(
                Kind::ArgumentTypeChanged,
                severity(ok),
                &item,
                at,
                type_change(&locked.ty, &arg.ty, ok, Dir::Input),
            );
        }
    }
    for locked in old.args.iter().skip(new.args.len()) {
        sink.push(
            Kind::ArgumentRemoved,
            Severity::Breaking,
            &format!("{method}({})", locked.name),
            &new.at,
            format!(
                "argument removed; deployed callers send {} argument(s) and the method now takes {}",
                old.args.len(),
                new.args.len()
            ),
        );
    }
    if old.returns != new.returns {
        let ok = types.text_ok(&old.returns, &new.returns, Dir::Output);
        sink.push(
            Kind::ReturnTypeChanged,
            severity(ok),
            &method,
            &new.at,
            format!("return {}", type_change(&old.returns, &new.returns, ok, Dir::Output)),
        );
    }
    match (&old.error, &new.error) {
        (None, Some(err)) => sink.push(
            Kind::ErrorTypeAdded,
            Severity::Breaking,
            &method,
            &new.at,
            format!("now returns `Result<_, {err}>`; deployed callers do not expect an application error"),
        ),
        (Some(err), None) => sink.push(
            Kind::ErrorTypeRemoved,
            Severity::Compatible,
            &method,
            &new.at,
            format!("no longer returns the application error `{err}`; callers never receive it"),
        ),
        (Some(a), Some(b)) if a != b => {
            let ok = types.text_ok(a, b, Dir::Output);
            sink.push(
                Kind::ErrorTypeChanged,
                severity(ok),
                &method,
                &new.at,
                format!("error {}", type_change(a, b, ok, Dir::Output)),
            );
        }
        _ => {}
    }
}

/// Whether any change breaks deployed callers.
pub fn any_breaking(changes: &[Change]) -> bool {
    changes.iter().any(|c| c.severity == Severity::Breaking)
}
