//! The rules: from a config as read and the desired objects, the findings
//! and the edits. Pure data in, pure data out; see the module docs of
//! [`super`] for the rules in prose.

use std::collections::{BTreeSet, HashMap};

use super::config::{Config, Edits};
use super::{DesiredObject, Finding, NewMigration, Options, Rename, WranglerError};

/// Rejects desired objects and renames that contradict themselves: empty or
/// repeated class or binding names, a rename to itself, two renames from or
/// to one class.
pub(crate) fn check_input(desired: &[DesiredObject], renames: &[Rename]) -> Result<(), WranglerError> {
    let mut classes = BTreeSet::new();
    let mut bindings = BTreeSet::new();
    for object in desired {
        if object.class.is_empty() || object.binding.is_empty() {
            return Err(WranglerError::Input("a Durable Object needs a class name and a binding name".into()));
        }
        if !classes.insert(object.class.as_str()) {
            return Err(WranglerError::Input(format!("class `{}` is listed twice", object.class)));
        }
        if !bindings.insert(object.binding.as_str()) {
            return Err(WranglerError::Input(format!("binding `{}` is used by two classes", object.binding)));
        }
    }
    let mut froms = BTreeSet::new();
    let mut tos = BTreeSet::new();
    for rename in renames {
        if rename.from.is_empty() || rename.to.is_empty() || rename.from == rename.to {
            return Err(WranglerError::Input(format!(
                "rename `{}` -> `{}` must name two different classes",
                rename.from, rename.to
            )));
        }
        if !froms.insert(rename.from.as_str()) || !tos.insert(rename.to.as_str()) {
            return Err(WranglerError::Input(format!(
                "rename `{}` -> `{}` clashes with another rename of the same class",
                rename.from, rename.to
            )));
        }
    }
    Ok(())
}

/// A class some migration created and none deleted.
#[derive(Debug)]
struct Live {
    /// The class name.
    class: String,
    /// `Some(true)` for SQLite storage, `Some(false)` for key-value storage,
    /// `None` when unknown (transferred from another Worker).
    sqlite: Option<bool>,
}

/// The live classes after every migration, in the order they were created.
fn live_classes(config: &Config) -> Vec<Live> {
    let mut live: Vec<Live> = Vec::new();
    fn create(live: &mut Vec<Live>, class: &str, sqlite: Option<bool>) {
        live.retain(|l| l.class != class);
        live.push(Live { class: class.to_owned(), sqlite });
    }
    for migration in &config.migrations {
        for class in &migration.new_sqlite_classes {
            create(&mut live, class, Some(true));
        }
        for class in &migration.new_classes {
            create(&mut live, class, Some(false));
        }
        for (from, to) in &migration.renamed_classes {
            let sqlite = live.iter().find(|l| &l.class == from).and_then(|l| l.sqlite);
            live.retain(|l| &l.class != from);
            create(&mut live, to, sqlite);
        }
        for to in &migration.transferred_to {
            create(&mut live, to, None);
        }
        for class in &migration.deleted_classes {
            live.retain(|l| &l.class != class);
        }
    }
    live
}

/// The tag of the next migration: `v<N+1>` after the highest `v<N>`, `v1`
/// for the first, `dogen-<count+1>` (raised until unused) when no tag has
/// the `v<N>` form.
pub(crate) fn next_tag(tags: &[&str]) -> String {
    let highest = tags
        .iter()
        .filter_map(|tag| tag.strip_prefix('v'))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|n| n.parse::<u64>().ok())
        .max();
    match highest {
        Some(n) => format!("v{}", n.saturating_add(1)),
        None if tags.is_empty() => "v1".to_owned(),
        None => (tags.len() + 1..)
            .map(|n| format!("dogen-{n}"))
            .find(|tag| !tags.contains(&tag.as_str()))
            .unwrap_or_else(|| "dogen".to_owned()),
    }
}

/// Compares the config with the desired objects; returns the findings in
/// their stable order and the edits that bring the config in line.
pub(crate) fn reconcile(
    config: &Config,
    desired: &[DesiredObject],
    renames: &[Rename],
    opts: Options,
) -> (Vec<Finding>, Edits) {
    let live = live_classes(config);
    let is_live = |class: &str| live.iter().any(|l| l.class == class);
    let is_desired = |class: &str| desired.iter().any(|d| d.class == class);

    // Renames that apply now.
    let renamed: Vec<&Rename> = renames
        .iter()
        .filter(|r| is_live(&r.from) && !is_desired(&r.from) && is_desired(&r.to) && !is_live(&r.to))
        .collect();
    let renamed_to: HashMap<&str, &str> = renamed.iter().map(|r| (r.from.as_str(), r.to.as_str())).collect();

    // Live classes no longer wanted.
    let removed: Vec<&Live> =
        live.iter().filter(|l| !is_desired(&l.class) && !renamed_to.contains_key(l.class.as_str())).collect();

    let mut findings = Vec::new();
    let mut edits = Edits::default();

    // Bindings of renamed classes follow the rename; bindings of deleted
    // classes go with them.
    let mut final_class: Vec<&str> = config.bindings.iter().map(|b| b.class_name.as_str()).collect();
    for (index, binding) in config.bindings.iter().enumerate() {
        if binding.script_name.is_some() {
            continue;
        }
        if let Some(to) = renamed_to.get(binding.class_name.as_str()) {
            final_class[index] = to;
            edits.set_class.push((index, (*to).to_owned()));
            findings.push(Finding::BindingRetargeted {
                binding: binding.name.clone(),
                from: binding.class_name.clone(),
                to: (*to).to_owned(),
            });
        } else if opts.delete_removed && removed.iter().any(|l| l.class == binding.class_name) {
            edits.remove.push(index);
            findings.push(Finding::BindingRemoved { binding: binding.name.clone(), class: binding.class_name.clone() });
        }
    }

    // The binding each desired object keeps in step: one of its class with
    // the wanted name, else the first of its class.
    let targets: Vec<Option<usize>> = desired
        .iter()
        .map(|object| {
            let candidates: Vec<usize> = (0..config.bindings.len())
                .filter(|&i| {
                    config.bindings[i].script_name.is_none()
                        && final_class[i] == object.class
                        && !edits.remove.contains(&i)
                })
                .collect();
            candidates
                .iter()
                .copied()
                .find(|&i| config.bindings[i].name == object.binding)
                .or_else(|| candidates.first().copied())
        })
        .collect();
    // Names held by bindings that stay and that no desired object manages.
    let fixed: Vec<usize> =
        (0..config.bindings.len()).filter(|i| !edits.remove.contains(i) && !targets.contains(&Some(*i))).collect();
    for (object, target) in desired.iter().zip(&targets) {
        if let Some(index) = target
            && config.bindings[*index].name == object.binding
        {
            continue;
        }
        if let Some(&holder) = fixed.iter().find(|&&i| config.bindings[i].name == object.binding) {
            findings.push(Finding::BindingNameTaken {
                binding: object.binding.clone(),
                class: object.class.clone(),
                taken_by: config.bindings[holder].class_name.clone(),
                taken_by_script: config.bindings[holder].script_name.clone(),
            });
            continue;
        }
        match target {
            Some(index) => {
                edits.set_name.push((*index, object.binding.clone()));
                findings.push(Finding::BindingRenamed {
                    class: object.class.clone(),
                    from: config.bindings[*index].name.clone(),
                    to: object.binding.clone(),
                });
            }
            None => {
                edits.add.push((object.binding.clone(), object.class.clone()));
                findings.push(Finding::BindingAdded { binding: object.binding.clone(), class: object.class.clone() });
            }
        }
    }

    // The migration.
    let renamed_targets: BTreeSet<&str> = renamed.iter().map(|r| r.to.as_str()).collect();
    let created: Vec<&DesiredObject> =
        desired.iter().filter(|d| !is_live(&d.class) && !renamed_targets.contains(d.class.as_str())).collect();
    let migration = NewMigration {
        tag: next_tag(&config.migrations.iter().map(|m| m.tag.as_str()).collect::<Vec<_>>()),
        new_sqlite_classes: created.iter().filter(|d| d.sqlite).map(|d| d.class.clone()).collect(),
        new_classes: created.iter().filter(|d| !d.sqlite).map(|d| d.class.clone()).collect(),
        renamed_classes: renamed.iter().map(|r| (*r).clone()).collect(),
        deleted_classes: if opts.delete_removed {
            removed.iter().map(|l| l.class.clone()).collect()
        } else {
            Vec::new()
        },
    };
    if !(migration.new_sqlite_classes.is_empty()
        && migration.new_classes.is_empty()
        && migration.renamed_classes.is_empty()
        && migration.deleted_classes.is_empty())
    {
        findings.push(Finding::MigrationAdded(migration.clone()));
        edits.migration = Some(migration);
    }

    // What a person should know.
    if !opts.delete_removed {
        findings.extend(removed.iter().map(|l| Finding::ClassRemoved { class: l.class.clone() }));
    }
    let ours = |class: &str| is_desired(class) || renamed_to.contains_key(class);
    for binding in &config.bindings {
        if let Some(script) = &binding.script_name
            && ours(&binding.class_name)
        {
            findings.push(Finding::ForeignBinding {
                binding: binding.name.clone(),
                class: binding.class_name.clone(),
                script: script.clone(),
            });
        }
    }
    for object in desired {
        let was = renamed.iter().find(|r| r.to == object.class).map_or(object.class.as_str(), |r| r.from.as_str());
        let sqlite = live.iter().find(|l| l.class == was).and_then(|l| l.sqlite);
        if sqlite.is_some_and(|sqlite| sqlite != object.sqlite) {
            findings.push(Finding::StorageMismatch { class: object.class.clone(), sqlite_wanted: object.sqlite });
        }
    }
    (findings, edits)
}

#[cfg(test)]
mod tests {
    use super::next_tag;

    #[test]
    fn tags_follow_the_highest_v_number() {
        assert_eq!(next_tag(&[]), "v1");
        assert_eq!(next_tag(&["v1"]), "v2");
        assert_eq!(next_tag(&["v3", "v10", "v2"]), "v11");
        assert_eq!(next_tag(&["first", "v4", "2024-01-01"]), "v5");
    }

    #[test]
    fn other_tag_styles_get_a_dogen_tag() {
        assert_eq!(next_tag(&["first"]), "dogen-2");
        assert_eq!(next_tag(&["2024-01-01", "dogen-3"]), "dogen-4");
        assert_eq!(next_tag(&["v", "vx", "v-1"]), "dogen-4");
    }
}
