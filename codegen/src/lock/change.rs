//! What [`diff()`](super::diff()) reports: one [`Change`] per difference, each with a
//! [`Kind`] and a [`Severity`] for callers that are already deployed.

use std::fmt;

/// Whether a change can break callers built against the locked interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Deployed callers keep working.
    Compatible,
    /// Some deployed call can now fail, or some reply can no longer be read.
    Breaking,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Compatible => "compatible",
            Severity::Breaking => "breaking",
        })
    }
}

macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)+) => {
        /// The kinds of change [`diff()`](super::diff()) tells apart. `docs/breaking.md`
        /// has the table of when each is breaking.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($(#[$doc])* $variant,)+
        }

        impl Kind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)+];

            /// The snake_case name printed in findings, e.g. `method_removed`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)+
                }
            }
        }
    };
}

kinds! {
    /// A class (interface) was added.
    ClassAdded => "class_added",
    /// A class was removed, or renamed without declaring it.
    ClassRemoved => "class_removed",
    /// A class was renamed and the rename declared (a migration).
    ClassRenamed => "class_renamed",
    /// The Rust trait of a class was renamed; the class name stayed.
    TraitRenamed => "trait_renamed",
    /// The namespace binding's name changed.
    BindingRenamed => "binding_renamed",
    /// The class switched between SQLite and key-value storage.
    StorageChanged => "storage_changed",
    /// A method was added.
    MethodAdded => "method_added",
    /// A method was removed.
    MethodRemoved => "method_removed",
    /// A method's wire name changed (same Rust name).
    MethodRenamed => "method_renamed",
    /// A required argument was added.
    ArgumentAdded => "argument_added",
    /// An `Option` argument was added at the end.
    OptionalArgumentAdded => "optional_argument_added",
    /// An argument was removed.
    ArgumentRemoved => "argument_removed",
    /// An argument's name changed; arguments travel by position.
    ArgumentRenamed => "argument_renamed",
    /// An argument's type changed.
    ArgumentTypeChanged => "argument_type_changed",
    /// A method's return type changed.
    ReturnTypeChanged => "return_type_changed",
    /// A method started returning `Result<T, E>`.
    ErrorTypeAdded => "error_type_added",
    /// A method stopped returning `Result<T, E>`.
    ErrorTypeRemoved => "error_type_removed",
    /// A method's error type changed.
    ErrorTypeChanged => "error_type_changed",
    /// A type became another kind of type (struct, enum, tuple, ...).
    TypeKindChanged => "type_kind_changed",
    /// A type's parameters changed.
    TypeGenericsChanged => "type_generics_changed",
    /// What an alias, newtype or tuple struct holds changed.
    TypeChanged => "type_changed",
    /// A struct's `#[serde(tag = "..")]` changed.
    StructTagChanged => "struct_tag_changed",
    /// `#[serde(deny_unknown_fields)]` was added.
    DenyUnknownFieldsAdded => "deny_unknown_fields_added",
    /// A field was added.
    FieldAdded => "field_added",
    /// A field was removed (or its wire name changed).
    FieldRemoved => "field_removed",
    /// A field may no longer be left out.
    FieldMadeRequired => "field_made_required",
    /// A field may now be left out.
    FieldMadeOptional => "field_made_optional",
    /// A field's type (or `flatten`) changed.
    FieldTypeChanged => "field_type_changed",
    /// An enum's tagging changed.
    EnumTaggingChanged => "enum_tagging_changed",
    /// A variant was added.
    VariantAdded => "variant_added",
    /// A variant was removed (or its wire name changed).
    VariantRemoved => "variant_removed",
    /// A variant's form changed: unit, newtype, tuple or struct, untagged,
    /// or readable by Rust.
    VariantChanged => "variant_changed",
    /// The value a newtype or tuple variant carries changed.
    VariantTypeChanged => "variant_type_changed",
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One difference between the locked and the current interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub kind: Kind,
    /// What it means for deployed callers.
    pub severity: Severity,
    /// The item, e.g. `Counter.add`, `Point.x`, `Shape::Circle`.
    pub item: String,
    /// `file:line` of the item in the current source, or in the lock for
    /// items that are gone.
    pub at: String,
    /// What changed and why it matters, for people.
    pub message: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} [{}] `{}`: {}", self.at, self.severity, self.kind, self.item, self.message)
    }
}
