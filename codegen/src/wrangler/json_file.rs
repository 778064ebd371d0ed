//! `wrangler.json` and `wrangler.jsonc`: read through `jsonc-parser`'s syntax
//! tree (which has byte ranges, for errors), edited through its concrete
//! syntax tree (which keeps every comment, blank line and comma style).
//!
//! Both files are read leniently, as wrangler reads them; edits add no
//! comment, and a trailing comma only where the array or object being
//! edited already uses them, so a valid `wrangler.json` stays valid JSON.

use jsonc_parser::ast::{Array, Object, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::cst::{CstArray, CstInputValue, CstObject, CstRootNode};
use jsonc_parser::{CollectOptions, ParseOptions};

use super::config::{Binding, Config, Edits, Migration, expect};
use super::{Location, NewMigration, WranglerError};

/// A syntax error from the parser, with its line and column.
fn syntax(error: &jsonc_parser::errors::ParseError) -> WranglerError {
    WranglerError::Syntax {
        location: Some(Location { line: error.line_display(), column: error.column_display() }),
        message: error.kind().to_string(),
    }
}

/// A shape error at `node`.
fn shape(text: &str, node: &impl Ranged, message: String) -> WranglerError {
    WranglerError::Shape { location: Some(Location::of_offset(text, node.start())), message }
}

/// Reads the bindings and migrations.
pub(crate) fn read(text: &str) -> Result<Config, WranglerError> {
    let parsed = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default())
        .map_err(|e| syntax(&e))?;
    let Some(root) = parsed.value else {
        return Err(WranglerError::Shape {
            location: Some(Location::of_offset(text, 0)),
            message: "the config is empty; it must be an object".into(),
        });
    };
    let Value::Object(root) = &root else {
        return Err(shape(text, &root, "the config must be an object".into()));
    };
    let mut config = Config::default();
    if let Some(prop) = root.get("durable_objects") {
        let durable_objects = object(text, &prop.value, "durable_objects")?;
        if let Some(prop) = durable_objects.get("bindings") {
            for entry in &array(text, &prop.value, "durable_objects.bindings")?.elements {
                config.bindings.push(read_binding(text, entry)?);
            }
        }
    }
    if let Some(prop) = root.get("migrations") {
        for entry in &array(text, &prop.value, "migrations")?.elements {
            config.migrations.push(read_migration(text, entry)?);
        }
    }
    Ok(config)
}

/// One `durable_objects.bindings` entry.
fn read_binding(text: &str, value: &Value<'_>) -> Result<Binding, WranglerError> {
    const PATH: &str = "durable_objects.bindings[]";
    let entry = object(text, value, PATH)?;
    Ok(Binding {
        name: required_string(text, entry, PATH, "name")?,
        class_name: required_string(text, entry, PATH, "class_name")?,
        script_name: optional_string(text, entry, PATH, "script_name")?,
    })
}

/// One `migrations` entry.
fn read_migration(text: &str, value: &Value<'_>) -> Result<Migration, WranglerError> {
    const PATH: &str = "migrations[]";
    let entry = object(text, value, PATH)?;
    let mut migration = Migration { tag: required_string(text, entry, PATH, "tag")?, ..Migration::default() };
    migration.new_classes = string_list(text, entry, "new_classes")?;
    migration.new_sqlite_classes = string_list(text, entry, "new_sqlite_classes")?;
    migration.deleted_classes = string_list(text, entry, "deleted_classes")?;
    if let Some(prop) = entry.get("renamed_classes") {
        for item in &array(text, &prop.value, "migrations[].renamed_classes")?.elements {
            const ITEM: &str = "migrations[].renamed_classes[]";
            let item = object(text, item, ITEM)?;
            migration
                .renamed_classes
                .push((required_string(text, item, ITEM, "from")?, required_string(text, item, ITEM, "to")?));
        }
    }
    if let Some(prop) = entry.get("transferred_classes") {
        for item in &array(text, &prop.value, "migrations[].transferred_classes")?.elements {
            const ITEM: &str = "migrations[].transferred_classes[]";
            let item = object(text, item, ITEM)?;
            migration.transferred_to.push(required_string(text, item, ITEM, "to")?);
        }
    }
    Ok(migration)
}

/// `value` as an object, or a shape error naming `path`.
fn object<'a, 'b>(text: &str, value: &'b Value<'a>, path: &str) -> Result<&'b Object<'a>, WranglerError> {
    value.as_object().ok_or_else(|| shape(text, value, expect::object(path, false)))
}

/// `value` as an array, or a shape error naming `path`.
fn array<'a, 'b>(text: &str, value: &'b Value<'a>, path: &str) -> Result<&'b Array<'a>, WranglerError> {
    value.as_array().ok_or_else(|| shape(text, value, expect::array(path)))
}

/// The string `key` of `entry`, if present.
fn optional_string(text: &str, entry: &Object<'_>, path: &str, key: &str) -> Result<Option<String>, WranglerError> {
    match entry.get(key) {
        None => Ok(None),
        Some(prop) => match &prop.value {
            Value::StringLit(s) => Ok(Some(s.value.to_string())),
            other => Err(shape(text, other, expect::string(&format!("{path}.{key}")))),
        },
    }
}

/// The string `key` of `entry`, which must be present.
fn required_string(text: &str, entry: &Object<'_>, path: &str, key: &str) -> Result<String, WranglerError> {
    optional_string(text, entry, path, key)?.ok_or_else(|| shape(text, entry, expect::key(path, key)))
}

/// The array of strings `key` of a migration, empty if absent.
fn string_list(text: &str, entry: &Object<'_>, key: &str) -> Result<Vec<String>, WranglerError> {
    let path = format!("migrations[].{key}");
    let Some(prop) = entry.get(key) else { return Ok(Vec::new()) };
    array(text, &prop.value, &path)?
        .elements
        .iter()
        .map(|item| match item {
            Value::StringLit(s) => Ok(s.value.to_string()),
            other => Err(shape(text, other, expect::string(&format!("{path}[]")))),
        })
        .collect()
}

/// A shape error found while editing; [`read`] has already ruled these out.
fn unexpected(what: &str) -> WranglerError {
    WranglerError::Shape { location: None, message: format!("`{what}` changed shape while editing") }
}

/// Applies `edits` to `text`.
pub(crate) fn apply(text: &str, edits: &Edits) -> Result<String, WranglerError> {
    // The root must outlive every node taken from it.
    let root = CstRootNode::parse(text, &ParseOptions::default()).map_err(|e| syntax(&e))?;
    let root_object = root.object_value().ok_or_else(|| unexpected("the config"))?;
    if edits.touches_bindings() {
        let durable_objects =
            root_object.object_value_or_create("durable_objects").ok_or_else(|| unexpected("durable_objects"))?;
        let bindings =
            durable_objects.array_value_or_create("bindings").ok_or_else(|| unexpected("durable_objects.bindings"))?;
        edit_bindings(&bindings, edits)?;
    }
    if let Some(migration) = &edits.migration {
        let migrations = root_object.array_value_or_create("migrations").ok_or_else(|| unexpected("migrations"))?;
        append(&migrations, migration_value(migration));
    }
    Ok(root.to_string())
}

/// The binding at `index` as an object.
fn binding_at(entries: &[jsonc_parser::cst::CstNode], index: usize) -> Result<CstObject, WranglerError> {
    entries.get(index).and_then(|node| node.as_object()).ok_or_else(|| unexpected("durable_objects.bindings[]"))
}

/// Sets, removes and appends bindings.
fn edit_bindings(bindings: &CstArray, edits: &Edits) -> Result<(), WranglerError> {
    let entries = bindings.elements();
    for (key, sets) in [("name", &edits.set_name), ("class_name", &edits.set_class)] {
        for (index, value) in sets {
            let prop = binding_at(&entries, *index)?.get(key).ok_or_else(|| unexpected(key))?;
            prop.set_value(CstInputValue::String(value.clone()));
        }
    }
    for index in edits.remove.iter().rev() {
        binding_at(&entries, *index)?.remove();
    }
    for (name, class) in &edits.add {
        append(
            bindings,
            CstInputValue::Object(vec![
                ("name".into(), CstInputValue::String(name.clone())),
                ("class_name".into(), CstInputValue::String(class.clone())),
            ]),
        );
    }
    Ok(())
}

/// Appends `value` to `array`: spread over lines and indented like its
/// siblings, or on one line when the entry before it is written on one line.
fn append(array: &CstArray, value: CstInputValue) {
    let one_line = array.elements().last().is_some_and(|last| !last.to_string().contains('\n'));
    if one_line {
        // The syntax tree lays out objects over several lines; a string node
        // placed like any one-line value then takes the compact text.
        let node = array.append(CstInputValue::String(String::new()));
        if let Some(placeholder) = node.as_string_lit() {
            placeholder.set_raw_value(compact(&value));
        }
    } else {
        array.append(value);
    }
}

/// `value` as JSON on one line: `{ "key": "value" }`, `["a", "b"]`.
fn compact(value: &CstInputValue) -> String {
    match value {
        CstInputValue::Null => "null".into(),
        CstInputValue::Bool(b) => b.to_string(),
        CstInputValue::Number(n) => n.clone(),
        CstInputValue::String(s) => quote(s),
        CstInputValue::Array(items) => format!("[{}]", items.iter().map(compact).collect::<Vec<_>>().join(", ")),
        CstInputValue::Object(props) if props.is_empty() => "{}".into(),
        CstInputValue::Object(props) => {
            let props: Vec<String> = props.iter().map(|(k, v)| format!("{}: {}", quote(k), compact(v))).collect();
            format!("{{ {} }}", props.join(", "))
        }
    }
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A list of class names.
fn names(names: &[String]) -> CstInputValue {
    CstInputValue::Array(names.iter().map(|n| CstInputValue::String(n.clone())).collect())
}

/// The new migration as a JSON object, keys in a fixed order.
fn migration_value(migration: &NewMigration) -> CstInputValue {
    let mut props = vec![("tag".to_owned(), CstInputValue::String(migration.tag.clone()))];
    if !migration.new_sqlite_classes.is_empty() {
        props.push(("new_sqlite_classes".into(), names(&migration.new_sqlite_classes)));
    }
    if !migration.new_classes.is_empty() {
        props.push(("new_classes".into(), names(&migration.new_classes)));
    }
    if !migration.renamed_classes.is_empty() {
        let renames = migration
            .renamed_classes
            .iter()
            .map(|r| {
                CstInputValue::Object(vec![
                    ("from".into(), CstInputValue::String(r.from.clone())),
                    ("to".into(), CstInputValue::String(r.to.clone())),
                ])
            })
            .collect();
        props.push(("renamed_classes".into(), CstInputValue::Array(renames)));
    }
    if !migration.deleted_classes.is_empty() {
        props.push(("deleted_classes".into(), names(&migration.deleted_classes)));
    }
    CstInputValue::Object(props)
}

#[cfg(test)]
mod tests {
    use super::{CstInputValue, compact, quote};
    use crate::wrangler::Location;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(quote("Counter"), r#""Counter""#);
        assert_eq!(quote("a\"b\\c\nd\u{1}é"), r#""a\"b\\c\nd\u0001é""#);
    }

    #[test]
    fn compact_values_stay_on_one_line() {
        let value = CstInputValue::Object(vec![
            ("tag".into(), CstInputValue::String("v2".into())),
            ("new_classes".into(), CstInputValue::Array(vec![CstInputValue::String("A".into())])),
            ("empty".into(), CstInputValue::Object(Vec::new())),
        ]);
        assert_eq!(compact(&value), r#"{ "tag": "v2", "new_classes": ["A"], "empty": {} }"#);
    }

    #[test]
    fn locations_count_lines_and_characters() {
        let text = "ab\né€x\n";
        assert_eq!(Location::of_offset(text, 0), Location { line: 1, column: 1 });
        assert_eq!(Location::of_offset(text, 3), Location { line: 2, column: 1 });
        assert_eq!(Location::of_offset(text, "ab\né€".len()), Location { line: 2, column: 3 });
        // Inside a character, and past the end.
        assert_eq!(Location::of_offset(text, 4), Location { line: 2, column: 1 });
        assert_eq!(Location::of_offset(text, 100), Location { line: 3, column: 1 });
    }
}
