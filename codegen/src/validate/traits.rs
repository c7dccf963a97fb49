//! Prelude trait values and where traits apply: each trait's value has the type its definition in
//! the prelude gives, the trait sits on shapes its selector matches, conflicting traits are not
//! applied together, and a structurally exclusive trait marks one member per structure. Values
//! with a closed set of choices (`@error`, `@timestampFormat`) and structured values
//! (`@retryable`, `@deprecated`, the older `@enum`) are checked here too.
//!
//! Selectors are written as a small table rather than evaluated: the prelude's are few and fixed.
//! As in Smithy's selectors, `enum` counts as a string and `intEnum` as an integer.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Validator, a, is_number, is_simple, is_string, show};
use crate::model::{Member, Shape, ShapeKind, Traits};
use crate::traits::PreludeTrait as T;

/// What a trait's value must be.
#[derive(Clone, Copy, Debug)]
enum ValueType {
    /// An annotation trait: `{}` (a structure with no required members).
    Annotation,
    /// A structure value: a JSON object, whose members a family of rules checks.
    Object,
    /// Text.
    String,
    /// Text that is not empty.
    NonEmptyString,
    /// A whole number.
    Integer,
    /// A list.
    List,
    /// Any node value; the trait's own rules check it.
    Document,
}

/// A kind of shape, as selectors name them.
#[derive(Clone, Copy, Debug)]
enum Kind {
    String,
    /// A `string` shape, not an `enum`.
    PlainString,
    Number,
    /// `integer` (or `intEnum`).
    Integer,
    /// `byte`, `short`, `integer` or `long` (or `intEnum`).
    WholeNumber,
    Boolean,
    Timestamp,
    Blob,
    List,
    Map,
    Structure,
    Union,
    Simple,
    Operation,
    /// A list whose member targets one of the kinds.
    ListOf(&'static [Kind]),
}

impl Kind {
    fn matches(self, validator: &Validator<'_>, kind: &ShapeKind) -> bool {
        match self {
            Kind::String => is_string(kind),
            Kind::PlainString => matches!(kind, ShapeKind::String),
            Kind::Number => is_number(kind),
            Kind::Integer => matches!(kind, ShapeKind::Integer | ShapeKind::IntEnum(_)),
            Kind::WholeNumber => matches!(
                kind,
                ShapeKind::Byte | ShapeKind::Short | ShapeKind::Integer | ShapeKind::Long | ShapeKind::IntEnum(_)
            ),
            Kind::Boolean => matches!(kind, ShapeKind::Boolean),
            Kind::Timestamp => matches!(kind, ShapeKind::Timestamp),
            Kind::Blob => matches!(kind, ShapeKind::Blob),
            Kind::List => matches!(kind, ShapeKind::List(_)),
            Kind::Map => matches!(kind, ShapeKind::Map(_)),
            Kind::Structure => matches!(kind, ShapeKind::Structure(_)),
            Kind::Union => matches!(kind, ShapeKind::Union(_)),
            Kind::Simple => is_simple(kind),
            Kind::Operation => matches!(kind, ShapeKind::Operation(_)),
            Kind::ListOf(items) => match kind {
                ShapeKind::List(member) => validator
                    .target(member)
                    .is_some_and(|target| items.iter().any(|item| item.matches(validator, &target.kind))),
                _ => false,
            },
        }
    }

    fn describe(self) -> String {
        match self {
            Kind::String => "string".into(),
            Kind::PlainString => "string (not an enum)".into(),
            Kind::Number => "number".into(),
            Kind::Integer => "integer".into(),
            Kind::WholeNumber => "byte, short, integer or long".into(),
            Kind::Boolean => "boolean".into(),
            Kind::Timestamp => "timestamp".into(),
            Kind::Blob => "blob".into(),
            Kind::List => "list".into(),
            Kind::Map => "map".into(),
            Kind::Structure => "structure".into(),
            Kind::Union => "union".into(),
            Kind::Simple => "simple type".into(),
            Kind::Operation => "operation".into(),
            Kind::ListOf(items) => format!("list of {}", describe(items)),
        }
    }
}

fn describe(kinds: &[Kind]) -> String {
    let names: Vec<String> = kinds.iter().map(|kind| kind.describe()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Where a trait may be applied: the prelude selectors, as cases.
#[derive(Clone, Copy, Debug)]
enum Applies {
    /// Any shape or member (`*`).
    Anywhere,
    /// A shape (not a member) of one of the kinds.
    Shape(&'static [Kind]),
    /// Any member of a structure (`structure > member`).
    StructureMember,
    /// Any member of a structure or union.
    AggregateMember,
    /// A member of an `enum` or `intEnum`.
    EnumMember,
    /// A structure member that targets one of the kinds (`structure > member :test(> kinds)`).
    StructureMemberTargeting(&'static [Kind]),
    /// A shape of one of the kinds, or any member targeting one (`:test(kinds, member > kinds)`).
    ShapeOrMember(&'static [Kind]),
    /// A shape of one of the kinds, or a structure member targeting one.
    ShapeOrStructureMember(&'static [Kind]),
}

impl Applies {
    fn describe(self) -> String {
        match self {
            Applies::Anywhere => "any shape".into(),
            Applies::Shape(kinds) => format!("{} shape", a(&describe(kinds))),
            Applies::StructureMember => "a structure member".into(),
            Applies::AggregateMember => "a structure or union member".into(),
            Applies::EnumMember => "an enum or intEnum member".into(),
            Applies::StructureMemberTargeting(kinds) => {
                format!("a structure member that targets {}", a(&describe(kinds)))
            }
            Applies::ShapeOrMember(kinds) => {
                format!("{} shape or a member that targets one", a(&describe(kinds)))
            }
            Applies::ShapeOrStructureMember(kinds) => {
                format!("{} shape or a structure member that targets one", a(&describe(kinds)))
            }
        }
    }
}

/// A prelude trait's definition, as far as validation needs it.
struct Definition {
    id: T,
    value: ValueType,
    applies: Applies,
    /// Traits that must not be applied to the same shape or member.
    conflicts: &'static [T],
    /// Whether at most one member of a structure may have it.
    exclusive: bool,
}

const fn def(id: T, value: ValueType, applies: Applies) -> Definition {
    Definition { id, value, applies, conflicts: &[], exclusive: false }
}

const TEXT: &[Kind] = &[Kind::String, Kind::Number, Kind::Boolean, Kind::Timestamp];
const HEADER_VALUE: &[Kind] = &[Kind::Boolean, Kind::Number, Kind::String, Kind::Timestamp];
const AGGREGATE_VALUE: &[Kind] = &[Kind::Simple, Kind::List, Kind::Map, Kind::Structure, Kind::Union];

/// The prelude traits this generator knows the definitions of (from `prelude.smithy`).
const DEFINITIONS: &[Definition] = {
    use Applies::*;
    use ValueType::*;
    &[
        def(T::AddedDefault, Annotation, StructureMember),
        def(T::ClientOptional, Annotation, StructureMember),
        def(T::Default, Document, ShapeOrStructureMember(&[Kind::Simple, Kind::List, Kind::Map])),
        def(T::Deprecated, Object, Anywhere),
        def(T::Documentation, String, Anywhere),
        def(T::Endpoint, Object, Shape(&[Kind::Operation])),
        def(T::Enum, List, Shape(&[Kind::PlainString])),
        def(T::EnumValue, Document, EnumMember),
        Definition { conflicts: &[T::Trait], ..def(T::Error, String, Shape(&[Kind::Structure])) },
        Definition {
            conflicts: &[T::EventPayload],
            ..def(
                T::EventHeader,
                Annotation,
                StructureMemberTargeting(&[
                    Kind::Boolean,
                    Kind::WholeNumber,
                    Kind::Blob,
                    Kind::String,
                    Kind::Timestamp,
                ]),
            )
        },
        Definition {
            conflicts: &[T::EventHeader],
            exclusive: true,
            ..def(
                T::EventPayload,
                Annotation,
                StructureMemberTargeting(&[Kind::Blob, Kind::String, Kind::Structure, Kind::Union]),
            )
        },
        def(T::HostLabel, Annotation, StructureMemberTargeting(&[Kind::String])),
        def(T::Http, Object, Shape(&[Kind::Operation])),
        def(T::HttpChecksumRequired, Annotation, Shape(&[Kind::Operation])),
        def(T::HttpError, Integer, Shape(&[Kind::Structure])),
        Definition {
            conflicts: &[
                T::HttpLabel,
                T::HttpQuery,
                T::HttpPrefixHeaders,
                T::HttpPayload,
                T::HttpResponseCode,
                T::HttpQueryParams,
            ],
            ..def(
                T::HttpHeader,
                NonEmptyString,
                StructureMemberTargeting(&[
                    Kind::Boolean,
                    Kind::Number,
                    Kind::String,
                    Kind::Timestamp,
                    Kind::ListOf(HEADER_VALUE),
                ]),
            )
        },
        Definition {
            conflicts: &[
                T::HttpHeader,
                T::HttpQuery,
                T::HttpPrefixHeaders,
                T::HttpPayload,
                T::HttpResponseCode,
                T::HttpQueryParams,
            ],
            ..def(T::HttpLabel, Annotation, StructureMemberTargeting(TEXT))
        },
        Definition {
            conflicts: &[
                T::HttpLabel,
                T::HttpQuery,
                T::HttpHeader,
                T::HttpPrefixHeaders,
                T::HttpResponseCode,
                T::HttpQueryParams,
            ],
            exclusive: true,
            ..def(T::HttpPayload, Annotation, StructureMember)
        },
        Definition {
            conflicts: &[
                T::HttpLabel,
                T::HttpQuery,
                T::HttpHeader,
                T::HttpPayload,
                T::HttpResponseCode,
                T::HttpQueryParams,
            ],
            exclusive: true,
            ..def(T::HttpPrefixHeaders, String, StructureMemberTargeting(&[Kind::Map]))
        },
        Definition {
            conflicts: &[
                T::HttpLabel,
                T::HttpHeader,
                T::HttpPrefixHeaders,
                T::HttpPayload,
                T::HttpResponseCode,
                T::HttpQueryParams,
            ],
            ..def(
                T::HttpQuery,
                NonEmptyString,
                StructureMemberTargeting(&[
                    Kind::String,
                    Kind::Number,
                    Kind::Boolean,
                    Kind::Timestamp,
                    Kind::ListOf(TEXT),
                ]),
            )
        },
        Definition {
            conflicts: &[
                T::HttpLabel,
                T::HttpQuery,
                T::HttpHeader,
                T::HttpPayload,
                T::HttpResponseCode,
                T::HttpPrefixHeaders,
            ],
            exclusive: true,
            ..def(T::HttpQueryParams, Annotation, StructureMemberTargeting(&[Kind::Map]))
        },
        Definition {
            conflicts: &[
                T::HttpLabel,
                T::HttpQuery,
                T::HttpHeader,
                T::HttpPrefixHeaders,
                T::HttpPayload,
                T::HttpQueryParams,
            ],
            exclusive: true,
            ..def(T::HttpResponseCode, Annotation, StructureMemberTargeting(&[Kind::Integer]))
        },
        Definition {
            exclusive: true,
            ..def(T::IdempotencyToken, Annotation, StructureMemberTargeting(&[Kind::String]))
        },
        Definition { conflicts: &[T::Readonly], ..def(T::Idempotent, Annotation, Shape(&[Kind::Operation])) },
        Definition { conflicts: &[T::Output, T::Error], ..def(T::Input, Annotation, Shape(&[Kind::Structure])) },
        def(T::JsonName, String, AggregateMember),
        def(T::Length, Object, ShapeOrMember(&[Kind::List, Kind::Map, Kind::String, Kind::Blob])),
        def(T::MediaType, String, Shape(&[Kind::Blob, Kind::String])),
        Definition { conflicts: &[T::Input, T::Error], ..def(T::Output, Annotation, Shape(&[Kind::Structure])) },
        def(T::Pattern, String, ShapeOrMember(&[Kind::String])),
        def(T::Range, Object, ShapeOrMember(&[Kind::Number])),
        Definition { conflicts: &[T::Idempotent], ..def(T::Readonly, Annotation, Shape(&[Kind::Operation])) },
        def(T::RequiresLength, Annotation, Shape(&[Kind::Blob])),
        def(T::Required, Annotation, StructureMember),
        def(T::Retryable, Object, Shape(&[Kind::Structure])),
        // The prelude leaves members out, but the generator honours `@sensitive` on a member too
        // (its value is redacted like a sensitive shape's), so a member may have it.
        def(T::Sensitive, Annotation, ShapeOrMember(AGGREGATE_VALUE)),
        def(T::Sparse, Annotation, Shape(&[Kind::List, Kind::Map])),
        def(T::Streaming, Annotation, Shape(&[Kind::Blob, Kind::Union])),
        def(T::TimestampFormat, String, ShapeOrMember(&[Kind::Timestamp])),
        def(T::Title, String, Anywhere),
        def(T::Trait, Object, Shape(AGGREGATE_VALUE)),
        Definition { conflicts: &[T::Sparse], ..def(T::UniqueItems, Annotation, Shape(&[Kind::List])) },
        def(T::UnitType, Annotation, Shape(&[Kind::Structure])),
    ]
};

pub(super) fn check(validator: &mut Validator<'_>) {
    for shape in validator.shapes() {
        check_site(validator, shape, None);
        let members = match shape.kind {
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_) => &[][..],
            ref kind => kind.members(),
        };
        for member in members {
            check_site(validator, shape, Some(member));
        }
        check_exclusive(validator, shape);
    }
}

/// Checks the traits of a shape (`member` is `None`) or of one of its members.
fn check_site(validator: &mut Validator<'_>, shape: &Shape, member: Option<&Member>) {
    let traits = member.map_or(&shape.traits, |member| &member.traits);
    let name = member.map(|member| member.name.as_str());
    let mut conflicts = BTreeSet::new();
    // Models apply few traits per shape: look each one up, rather than every definition in each.
    for (id, value) in traits.iter() {
        let Some(known) = T::from_id(id) else { continue };
        let Some(definition) = DEFINITIONS.iter().find(|definition| definition.id == known) else { continue };
        let trait_name = definition.id.name();
        if let Some(expected) = wrong_type(definition.value, value) {
            let message = format!("the `@{trait_name}` trait needs {expected}, not `{}`", show(value));
            validator.report(&shape.id, name, message);
        }
        if !applies(validator, definition.applies, shape, member) {
            let message = format!("the `@{trait_name}` trait applies only to {}", definition.applies.describe());
            validator.report(&shape.id, name, message);
        }
        for conflict in definition.conflicts.iter().filter(|conflict| traits.has_prelude(**conflict)) {
            // A pair may be listed by either trait or both; each is reported once.
            conflicts.insert((definition.id.min(*conflict), definition.id.max(*conflict)));
        }
    }
    for (first, second) in conflicts {
        let message = format!("the `@{}` and `@{}` traits conflict; use one", first.name(), second.name());
        validator.report(&shape.id, name, message);
    }
    check_values(validator, shape, name, traits);
}

/// What the value should be, when it is not of `expected` type.
fn wrong_type(expected: ValueType, value: &Value) -> Option<&'static str> {
    let fits = match expected {
        ValueType::Annotation | ValueType::Object => value.is_object(),
        ValueType::String => value.is_string(),
        ValueType::NonEmptyString => value.as_str().is_some_and(|text| !text.is_empty()),
        ValueType::Integer => value.is_i64() || value.is_u64(),
        ValueType::List => value.is_array(),
        ValueType::Document => true,
    };
    if fits {
        return None;
    }
    Some(match expected {
        ValueType::Annotation => "an object value (`{}`)",
        ValueType::Object => "an object value",
        ValueType::String => "a string value",
        ValueType::NonEmptyString => "a non-empty string value",
        ValueType::Integer => "an integer value",
        ValueType::List => "a list value",
        ValueType::Document => "a value",
    })
}

fn applies(validator: &Validator<'_>, applies: Applies, shape: &Shape, member: Option<&Member>) -> bool {
    let target = || member.and_then(|member| validator.target(member)).map(|target| &target.kind);
    let any = |kinds: &[Kind], kind: Option<&ShapeKind>| {
        kind.is_some_and(|kind| kinds.iter().any(|k| k.matches(validator, kind)))
    };
    let in_structure = matches!(shape.kind, ShapeKind::Structure(_));
    match (applies, member) {
        (Applies::Anywhere, _) => true,
        (Applies::Shape(kinds), None) => any(kinds, Some(&shape.kind)),
        (Applies::StructureMember, Some(_)) => in_structure,
        (Applies::AggregateMember, Some(_)) => matches!(shape.kind, ShapeKind::Structure(_) | ShapeKind::Union(_)),
        (Applies::EnumMember, Some(_)) => matches!(shape.kind, ShapeKind::Enum(_) | ShapeKind::IntEnum(_)),
        (Applies::StructureMemberTargeting(kinds), Some(_)) => in_structure && any(kinds, target()),
        (Applies::ShapeOrMember(kinds), None) | (Applies::ShapeOrStructureMember(kinds), None) => {
            any(kinds, Some(&shape.kind))
        }
        (Applies::ShapeOrMember(kinds), Some(_)) => any(kinds, target()),
        (Applies::ShapeOrStructureMember(kinds), Some(_)) => in_structure && any(kinds, target()),
        _ => false,
    }
}

/// Traits whose value is one of a few choices, or a structure with typed fields.
fn check_values(validator: &mut Validator<'_>, shape: &Shape, member: Option<&str>, traits: &Traits) {
    if let Some(Value::String(fault)) = traits.prelude(T::Error)
        && fault != "client"
        && fault != "server"
    {
        let message = format!("`@error(\"{fault}\")` is not a fault; use \"client\" or \"server\"");
        validator.report(&shape.id, member, message);
    }
    if let Some(Value::String(format)) = traits.prelude(T::TimestampFormat)
        && !matches!(format.as_str(), "date-time" | "http-date" | "epoch-seconds")
    {
        let message = format!(
            "`@timestampFormat(\"{format}\")` is not a timestamp format; use \"date-time\", \"http-date\" or \"epoch-seconds\""
        );
        validator.report(&shape.id, member, message);
    }
    if let Some(value) = traits.prelude(T::HttpError)
        && (value.is_i64() || value.is_u64())
        && !value.as_u64().is_some_and(|code| (100..=999).contains(&code))
    {
        let message = format!("`@httpError({value})` is not an HTTP status code; use 100 to 999");
        validator.report(&shape.id, member, message);
    }
    if traits.has_prelude(T::HttpError) && !traits.has_prelude(T::Error) {
        validator.report(&shape.id, member, "the `@httpError` trait applies only to structures with `@error`");
    }
    if let Some(retryable) = traits.prelude(T::Retryable) {
        if !traits.has_prelude(T::Error) {
            validator.report(&shape.id, member, "the `@retryable` trait applies only to structures with `@error`");
        }
        fields(validator, shape, member, T::Retryable, retryable, &[("throttling", Field::Boolean)]);
    }
    if let Some(deprecated) = traits.prelude(T::Deprecated) {
        let expected = [("message", Field::String), ("since", Field::String)];
        fields(validator, shape, member, T::Deprecated, deprecated, &expected);
    }
    if traits.has_prelude(T::RequiresLength) && !traits.has_prelude(T::Streaming) {
        validator.report(&shape.id, member, "the `@requiresLength` trait applies only to `@streaming` blobs");
    }
    if let Some(Value::Array(entries)) = traits.prelude(T::Enum) {
        check_enum_trait(validator, shape, entries);
    }
}

#[derive(Clone, Copy)]
enum Field {
    String,
    Boolean,
}

/// Checks the types of the fields of a structure-valued trait.
fn fields(
    validator: &mut Validator<'_>,
    shape: &Shape,
    member: Option<&str>,
    id: T,
    value: &Value,
    expected: &[(&str, Field)],
) {
    let Value::Object(object) = value else { return };
    for (name, field) in expected {
        let Some(value) = object.get(*name) else { continue };
        let (fits, what) = match field {
            Field::String => (value.is_string(), "a string"),
            Field::Boolean => (value.is_boolean(), "a boolean"),
        };
        if !fits {
            let message = format!("the `{name}` of the `@{}` trait must be {what}, not `{}`", id.name(), show(value));
            validator.report(&shape.id, member, message);
        }
    }
}

/// The older `@enum` trait: a non-empty list of entries, each with a unique non-empty `value`,
/// names that are identifiers and unique, on every entry or on none.
fn check_enum_trait(validator: &mut Validator<'_>, shape: &Shape, entries: &[Value]) {
    if entries.is_empty() {
        validator.report(&shape.id, None, "the `@enum` trait needs at least one entry");
    }
    let mut values = BTreeMap::new();
    let mut names = BTreeMap::new();
    let mut named = 0;
    for (index, entry) in entries.iter().enumerate() {
        let Value::Object(entry) = entry else {
            let message = format!("entry {index} of the `@enum` trait must be an object with a string `value`");
            validator.report(&shape.id, None, message);
            continue;
        };
        match entry.get("value") {
            Some(Value::String(value)) if !value.is_empty() => {
                if values.insert(value.clone(), index).is_some() {
                    let message = format!("the `@enum` trait repeats the value \"{value}\"");
                    validator.report(&shape.id, None, message);
                }
            }
            _ => {
                let message = format!("entry {index} of the `@enum` trait needs a non-empty string `value`");
                validator.report(&shape.id, None, message);
            }
        }
        match entry.get("name") {
            None => {}
            Some(Value::String(name)) if is_enum_name(name) => {
                named += 1;
                if names.insert(name.clone(), index).is_some() {
                    let message = format!("the `@enum` trait repeats the name \"{name}\"");
                    validator.report(&shape.id, None, message);
                }
            }
            Some(name) => {
                let message = format!(
                    "entry {index} of the `@enum` trait has the name `{}`; a name must match `^[a-zA-Z_]+[a-zA-Z_0-9]*$`",
                    show(name)
                );
                validator.report(&shape.id, None, message);
            }
        }
        for (field, is_string_field) in [("documentation", true), ("deprecated", false)] {
            if let Some(value) = entry.get(field)
                && (if is_string_field { !value.is_string() } else { !value.is_boolean() })
            {
                let what = if is_string_field { "a string" } else { "a boolean" };
                let message = format!("the `{field}` of entry {index} of the `@enum` trait must be {what}");
                validator.report(&shape.id, None, message);
            }
        }
    }
    if named != 0 && named != entries.len() {
        validator.report(&shape.id, None, "the `@enum` trait names some entries but not all; name all or none");
    }
}

fn is_enum_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A structurally exclusive trait marks at most one member of a structure.
fn check_exclusive(validator: &mut Validator<'_>, shape: &Shape) {
    let ShapeKind::Structure(members) = &shape.kind else { return };
    for definition in DEFINITIONS.iter().filter(|definition| definition.exclusive) {
        let marked: Vec<&str> =
            members.iter().filter(|m| m.traits.has_prelude(definition.id)).map(|m| m.name.as_str()).collect();
        if marked.len() > 1 {
            let message = format!(
                "only one member may have the `@{}` trait, but {} do",
                definition.id.name(),
                marked.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
            );
            validator.report(&shape.id, None, message);
        }
    }
}
