//! `wrangler.toml`, read and edited with `toml_edit`, which keeps comments,
//! whitespace and the order of tables.
//!
//! Both spellings of an array are handled: `[[durable_objects.bindings]]`
//! tables and an inline `bindings = [{ ... }]`; new entries take the
//! spelling of the entries already there (`[[...]]` tables when there are
//! none), and an entry added to a multi-line inline array takes the
//! indentation of the one before it.

use std::ops::Range;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::config::{Binding, Config, Edits, Migration, expect};
use super::{Location, NewMigration, WranglerError};

/// A shape error at `span`, when known.
fn shape(text: &str, span: Option<Range<usize>>, message: String) -> WranglerError {
    WranglerError::Shape { location: span.map(|s| Location::of_offset(text, s.start)), message }
}

/// Parses `text`, keeping spans.
fn parse(text: &str) -> Result<toml_edit::Document<&str>, WranglerError> {
    toml_edit::Document::parse(text).map_err(|e| WranglerError::Syntax {
        location: e.span().map(|s| Location::of_offset(text, s.start)),
        message: e.message().trim_end().to_owned(),
    })
}

/// An entry of an array of tables or inline array, with its span.
type Entry<'a> = (&'a dyn TableLike, Option<Range<usize>>);

/// The entries of an array of tables, or of an inline array of inline
/// tables, with their spans.
fn entries<'a>(text: &str, item: &'a Item, path: &str) -> Result<Vec<Entry<'a>>, WranglerError> {
    match item {
        Item::ArrayOfTables(tables) => Ok(tables.iter().map(|t| (t as &dyn TableLike, t.span())).collect()),
        Item::Value(Value::Array(array)) => array
            .iter()
            .map(|value| match value.as_inline_table() {
                Some(table) => Ok((table as &dyn TableLike, value.span())),
                None => Err(shape(text, value.span(), expect::object(&format!("{path}[]"), true))),
            })
            .collect(),
        other => Err(shape(text, other.span(), expect::array(path))),
    }
}

/// Reads the bindings and migrations.
pub(crate) fn read(text: &str) -> Result<Config, WranglerError> {
    let doc = parse(text)?;
    let mut config = Config::default();
    if let Some(item) = doc.get("durable_objects") {
        let durable_objects =
            item.as_table_like().ok_or_else(|| shape(text, item.span(), expect::object("durable_objects", true)))?;
        if let Some(bindings) = durable_objects.get("bindings") {
            const PATH: &str = "durable_objects.bindings";
            for (entry, span) in entries(text, bindings, PATH)? {
                let (path, span) = (&format!("{PATH}[]"), span.as_ref());
                config.bindings.push(Binding {
                    name: required_string(text, entry, span, path, "name")?,
                    class_name: required_string(text, entry, span, path, "class_name")?,
                    script_name: optional_string(text, entry, path, "script_name")?,
                });
            }
        }
    }
    if let Some(item) = doc.get("migrations") {
        for (entry, span) in entries(text, item, "migrations")? {
            config.migrations.push(read_migration(text, entry, span.as_ref())?);
        }
    }
    Ok(config)
}

/// One `migrations` entry.
fn read_migration(text: &str, entry: &dyn TableLike, span: Option<&Range<usize>>) -> Result<Migration, WranglerError> {
    const PATH: &str = "migrations[]";
    let mut migration = Migration { tag: required_string(text, entry, span, PATH, "tag")?, ..Migration::default() };
    migration.new_classes = string_list(text, entry, "new_classes")?;
    migration.new_sqlite_classes = string_list(text, entry, "new_sqlite_classes")?;
    migration.deleted_classes = string_list(text, entry, "deleted_classes")?;
    if let Some(item) = entry.get("renamed_classes") {
        const ITEM: &str = "migrations[].renamed_classes[]";
        for (pair, span) in entries(text, item, "migrations[].renamed_classes")? {
            let span = span.as_ref();
            migration.renamed_classes.push((
                required_string(text, pair, span, ITEM, "from")?,
                required_string(text, pair, span, ITEM, "to")?,
            ));
        }
    }
    if let Some(item) = entry.get("transferred_classes") {
        const ITEM: &str = "migrations[].transferred_classes[]";
        for (transfer, span) in entries(text, item, "migrations[].transferred_classes")? {
            migration.transferred_to.push(required_string(text, transfer, span.as_ref(), ITEM, "to")?);
        }
    }
    Ok(migration)
}

/// The string `key` of `entry`, if present.
fn optional_string(text: &str, entry: &dyn TableLike, path: &str, key: &str) -> Result<Option<String>, WranglerError> {
    match entry.get(key) {
        None => Ok(None),
        Some(item) => match item.as_str() {
            Some(s) => Ok(Some(s.to_owned())),
            None => Err(shape(text, item.span(), expect::string(&format!("{path}.{key}")))),
        },
    }
}

/// The string `key` of `entry`, which must be present.
fn required_string(
    text: &str,
    entry: &dyn TableLike,
    span: Option<&Range<usize>>,
    path: &str,
    key: &str,
) -> Result<String, WranglerError> {
    optional_string(text, entry, path, key)?.ok_or_else(|| shape(text, span.cloned(), expect::key(path, key)))
}

/// The array of strings `key` of a migration, empty if absent.
fn string_list(text: &str, entry: &dyn TableLike, key: &str) -> Result<Vec<String>, WranglerError> {
    let path = format!("migrations[].{key}");
    let Some(item) = entry.get(key) else { return Ok(Vec::new()) };
    let array = item.as_array().ok_or_else(|| shape(text, item.span(), expect::array(&path)))?;
    array
        .iter()
        .map(|value| {
            value
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| shape(text, value.span(), expect::string(&format!("{path}[]"))))
        })
        .collect()
}

/// A shape error found while editing; [`read`] has already ruled these out.
fn unexpected(what: &str) -> WranglerError {
    WranglerError::Shape { location: None, message: format!("`{what}` changed shape while editing") }
}

/// The highest table position in `table` and below.
fn max_position(table: &Table) -> isize {
    let mut max = table.position().unwrap_or(0);
    for (_, item) in table.iter() {
        match item {
            Item::Table(t) => max = max.max(max_position(t)),
            Item::ArrayOfTables(tables) => {
                for t in tables.iter() {
                    max = max.max(max_position(t));
                }
            }
            _ => {}
        }
    }
    max
}

/// Applies `edits` to `text`.
pub(crate) fn apply(text: &str, edits: &Edits) -> Result<String, WranglerError> {
    let mut doc: DocumentMut = parse(text)?.into_mut();
    // New `[[...]]` sections go after everything else, bindings first.
    let end = max_position(doc.as_table()) + 1;
    let root = doc.as_table_mut();
    if edits.touches_bindings() {
        if !root.contains_key("durable_objects") {
            let mut durable_objects = Table::new();
            durable_objects.set_implicit(true);
            root.insert("durable_objects", Item::Table(durable_objects));
        }
        let item = root.get_mut("durable_objects").ok_or_else(|| unexpected("durable_objects"))?;
        let inline = matches!(item, Item::Value(_));
        let durable_objects = item.as_table_like_mut().ok_or_else(|| unexpected("durable_objects"))?;
        if !durable_objects.contains_key("bindings") {
            let empty = if inline { Item::Value(Value::Array(Array::new())) } else { ArrayOfTables::new().into() };
            durable_objects.insert("bindings", empty);
        }
        let bindings = durable_objects.get_mut("bindings").ok_or_else(|| unexpected("durable_objects.bindings"))?;
        edit_bindings(bindings, edits, end)?;
    }
    if let Some(migration) = &edits.migration {
        if !root.contains_key("migrations") {
            root.insert("migrations", ArrayOfTables::new().into());
        }
        let migrations = root.get_mut("migrations").ok_or_else(|| unexpected("migrations"))?;
        append(migrations, migration_entry(migration), end + 1)?;
    }
    Ok(doc.to_string())
}

/// The binding at `index` of an array of tables or an inline array.
fn binding_at(bindings: &mut Item, index: usize) -> Result<&mut dyn TableLike, WranglerError> {
    let entry: Option<&mut dyn TableLike> = match bindings {
        Item::ArrayOfTables(tables) => tables.get_mut(index).map(|t| t as &mut dyn TableLike),
        Item::Value(Value::Array(array)) => {
            array.get_mut(index).and_then(Value::as_inline_table_mut).map(|t| t as &mut dyn TableLike)
        }
        _ => None,
    };
    entry.ok_or_else(|| unexpected("durable_objects.bindings[]"))
}

/// Sets `key` to the string `value`, keeping the old value's decoration.
fn set_string(entry: &mut dyn TableLike, key: &str, value: &str) {
    match entry.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = Value::from(value);
            *old.decor_mut() = decor;
        }
        None => {
            entry.insert(key, toml_edit::value(value));
        }
    }
}

/// Sets, removes and appends bindings.
fn edit_bindings(bindings: &mut Item, edits: &Edits, end: isize) -> Result<(), WranglerError> {
    for (key, sets) in [("name", &edits.set_name), ("class_name", &edits.set_class)] {
        for (index, value) in sets {
            set_string(binding_at(bindings, *index)?, key, value);
        }
    }
    for &index in edits.remove.iter().rev() {
        match bindings {
            Item::ArrayOfTables(tables) if index < tables.len() => {
                tables.remove(index);
            }
            Item::Value(Value::Array(array)) if index < array.len() => remove_inline(array, index),
            _ => return Err(unexpected("durable_objects.bindings[]")),
        }
    }
    for (name, class) in &edits.add {
        append(bindings, vec![("name", Value::from(name.as_str())), ("class_name", Value::from(class.as_str()))], end)?;
    }
    Ok(())
}

/// Removes element `index` of an inline array; when it was the last, the
/// one before takes over its trailing whitespace.
fn remove_inline(array: &mut Array, index: usize) {
    let removed = array.remove(index);
    if index == array.len()
        && index > 0
        && let (Some(suffix), Some(last)) = (removed.decor().suffix().cloned(), array.get_mut(index - 1))
    {
        last.decor_mut().set_suffix(suffix);
    }
}

/// Appends an entry made of `fields` to an array of tables (a `[[...]]`
/// section placed at `position` when the array was empty) or to an inline
/// array (indented like the entry before it).
fn append(array: &mut Item, fields: Vec<(&str, Value)>, position: isize) -> Result<(), WranglerError> {
    match array {
        Item::ArrayOfTables(tables) => {
            let mut table = Table::new();
            for (key, value) in fields {
                table.insert(key, Item::Value(value));
            }
            if tables.is_empty() {
                table.set_position(Some(position));
            }
            tables.push(table);
            Ok(())
        }
        Item::Value(Value::Array(array)) => {
            let mut table = InlineTable::new();
            for (key, value) in fields {
                table.insert(key, value);
            }
            push_inline(array, Value::InlineTable(table));
            Ok(())
        }
        _ => Err(unexpected("an array")),
    }
}

/// Appends `value` to an inline array. In a multi-line array it goes on a
/// line of its own, indented like the entry before it, and a comment that
/// followed that entry stays on that entry's line.
fn push_inline(array: &mut Array, mut value: Value) {
    let Some(last_index) = array.len().checked_sub(1) else {
        array.push(value);
        return;
    };
    let raw = |s: Option<&toml_edit::RawString>| s.and_then(|s| s.as_str()).unwrap_or("").to_owned();
    let (prefix, suffix) =
        array.get(last_index).map(|last| (raw(last.decor().prefix()), raw(last.decor().suffix()))).unwrap_or_default();
    // What stands between the last entry and `]`, less the comma.
    let after = format!("{suffix}{}", raw(Some(array.trailing())));
    if let Some(last) = array.get_mut(last_index) {
        last.decor_mut().set_suffix("");
    }
    match after.find('\n') {
        Some(newline) => {
            let indent = prefix.rsplit('\n').next().unwrap_or("");
            value.decor_mut().set_prefix(format!("{}\n{indent}", &after[..newline]));
            value.decor_mut().set_suffix("");
            array.set_trailing(&after[newline..]);
        }
        None => {
            // One line: `[a, b]`.
            value.decor_mut().set_prefix(if prefix.is_empty() { " ".to_owned() } else { prefix });
            value.decor_mut().set_suffix(suffix);
        }
    }
    array.push_formatted(value);
}

/// A list of class names as an inline array.
fn names(names: &[String]) -> Value {
    Value::Array(names.iter().map(String::as_str).collect())
}

/// The new migration's fields, in a fixed order.
fn migration_entry(migration: &NewMigration) -> Vec<(&'static str, Value)> {
    let mut fields = vec![("tag", Value::from(migration.tag.as_str()))];
    if !migration.new_sqlite_classes.is_empty() {
        fields.push(("new_sqlite_classes", names(&migration.new_sqlite_classes)));
    }
    if !migration.new_classes.is_empty() {
        fields.push(("new_classes", names(&migration.new_classes)));
    }
    if !migration.renamed_classes.is_empty() {
        let renames: Array = migration
            .renamed_classes
            .iter()
            .map(|r| {
                let mut pair = InlineTable::new();
                pair.insert("from", Value::from(r.from.as_str()));
                pair.insert("to", Value::from(r.to.as_str()));
                Value::InlineTable(pair)
            })
            .collect();
        fields.push(("renamed_classes", Value::Array(renames)));
    }
    if !migration.deleted_classes.is_empty() {
        fields.push(("deleted_classes", names(&migration.deleted_classes)));
    }
    fields
}
