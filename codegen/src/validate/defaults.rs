//! `@default` values (`type-refinement-traits.rst`, and the node values of `model.rst`): a
//! default fits the shape it is the default of, a member repeats its target's default (or sets
//! `null` to stay optional), and `@addedDefault` marks only a member with a default.
//!
//! A value fits when the generated builder can turn it into a value of the member's Rust type:
//! booleans for booleans; whole numbers within the type's range for `byte` to `long`; finite
//! numbers within range, or `"NaN"`, `"Infinity"` and `"-Infinity"`, for `float` and `double`;
//! numbers or numeric strings for `bigInteger` and `bigDecimal`; strings for strings (one of the
//! values, for an `enum` or a string with `@enum`); base64 for blobs; epoch seconds or an RFC 3339
//! `date-time` in UTC (`Z`) for timestamps; an empty list or map for lists and maps; any value
//! for documents. (The specification lists only scalars, null and empty lists and maps for a
//! document, but any node value is a document value, and the builder writes any as a constant.)
//! The value also keeps to `@range` and `@length`,
//! except that a default of 0 outside a `@range` is allowed, as Smithy allows it (it only warns)
//! so that Smithy 1.0 models, whose numbers defaulted to 0, stay valid.

use codegen_runtime::primitives::Blob;
use serde_json::Value;

use super::{Validator, a, is_simple, show};
use crate::model::{Member, Shape, ShapeKind, Traits};
use crate::traits::PreludeTrait as T;

pub(super) fn check(validator: &mut Validator<'_>) {
    for shape in validator.shapes() {
        if let Some(value) = shape.traits.prelude(T::Default) {
            if value.is_null() {
                let message = "a shape's `@default` cannot be null; only a member's can, to make it optional";
                validator.report(&shape.id, None, message);
            } else if (is_simple(&shape.kind) || matches!(shape.kind, ShapeKind::List(_) | ShapeKind::Map(_)))
                && let Err(problem) = fits(value, shape, &[&shape.traits])
            {
                validator.report(&shape.id, None, format!("has the `@default` {}, which {problem}", show(value)));
            }
        }
        let ShapeKind::Structure(members) = &shape.kind else { continue };
        for member in members {
            check_member(validator, shape, member);
        }
    }
}

fn check_member(validator: &mut Validator<'_>, shape: &Shape, member: &Member) {
    let Some(target) = validator.target(member) else { return };
    let name = Some(member.name.as_str());
    let value = member.traits.prelude(T::Default);
    let usable = is_simple(&target.kind) || matches!(target.kind, ShapeKind::List(_) | ShapeKind::Map(_));
    if let Some(value) = value.filter(|value| !value.is_null())
        && usable
        && let Err(problem) = fits(value, target, &[&member.traits, &target.traits])
    {
        validator.report(&shape.id, name, format!("has the `@default` {}, which {problem}", show(value)));
    }
    // A target's default is part of its type: each member repeats it, or opts out with `null`.
    if let Some(wanted) = target.traits.prelude(T::Default).filter(|wanted| !wanted.is_null()) {
        match value {
            None => {
                let message = format!(
                    "targets `{}`, whose `@default` is {}; the member needs the same `@default` (or `@default(null)` to be optional)",
                    target.id,
                    show(wanted)
                );
                validator.report(&shape.id, name, message);
            }
            Some(value) if !value.is_null() && !same_value(value, wanted) => {
                let message = format!(
                    "has the `@default` {}, but its target `{}` has the `@default` {}; they must match (or the member's be null)",
                    show(value),
                    target.id,
                    show(wanted)
                );
                validator.report(&shape.id, name, message);
            }
            Some(_) => {}
        }
    }
    if member.traits.has_prelude(T::AddedDefault) && value.is_none() {
        validator.report(&shape.id, name, "has `@addedDefault` but no `@default`; `@addedDefault` marks a default");
    }
}

/// Whether two default values are the same value: numbers compare by value, so `0` is `0.0`.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// Whether `value` fits `shape` and the constraint traits in `constraints` (the member's and the
/// target's); the error completes "…, which ".
fn fits(value: &Value, shape: &Shape, constraints: &[&Traits]) -> Result<(), String> {
    match &shape.kind {
        ShapeKind::Boolean => value.as_bool().map(drop).ok_or_else(|| "is not a boolean".to_owned()),
        ShapeKind::Byte => whole(value, i8::MIN.into(), i8::MAX.into(), "byte", constraints),
        ShapeKind::Short => whole(value, i16::MIN.into(), i16::MAX.into(), "short", constraints),
        ShapeKind::Integer => whole(value, i32::MIN.into(), i32::MAX.into(), "integer", constraints),
        ShapeKind::Long => whole(value, i64::MIN, i64::MAX, "long", constraints),
        ShapeKind::Float => float(value, f64::from(f32::MAX), "float", constraints),
        ShapeKind::Double => float(value, f64::MAX, "double", constraints),
        ShapeKind::BigInteger => match value {
            Value::Number(n) if n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0) => Ok(()),
            Value::String(text) if is_integer_text(text) => Ok(()),
            _ => Err("is not a whole number (a number or a string of digits)".into()),
        },
        ShapeKind::BigDecimal => match value {
            Value::Number(_) => Ok(()),
            Value::String(text) if text.parse::<f64>().is_ok_and(f64::is_finite) => Ok(()),
            _ => Err("is not a decimal number (a number or a numeric string)".into()),
        },
        ShapeKind::String => {
            let Value::String(text) = value else { return Err("is not a string".into()) };
            if let Some(definitions) = shape.traits.enum_definitions()
                && !definitions.iter().any(|definition| &definition.value == text)
            {
                return Err(format!("is not one of the values of `{}`'s `@enum` trait", shape.id));
            }
            length(text.chars().count(), "characters", constraints)
        }
        ShapeKind::Enum(members) => {
            let Value::String(text) = value else { return Err("is not a string".into()) };
            let is_value = |member: &Member| member.traits.enum_string_value().unwrap_or(&member.name) == text;
            if members.iter().any(is_value) {
                length(text.chars().count(), "characters", constraints)
            } else {
                Err(format!("is not one of the values of the enum `{}`", shape.id))
            }
        }
        ShapeKind::IntEnum(members) => {
            let number = value.as_i64();
            if number.is_some_and(|n| members.iter().any(|m| m.traits.enum_int_value().map(i64::from) == Some(n))) {
                Ok(())
            } else {
                Err(format!("is not one of the values of the intEnum `{}`", shape.id))
            }
        }
        ShapeKind::Blob => {
            let Value::String(text) = value else { return Err("is not a base64 string".into()) };
            // The generated crate's own decoder decides what is base64.
            match Blob::from_base64(text) {
                Some(blob) => length(blob.as_bytes().len(), "bytes", constraints),
                None => Err("is not base64 (RFC 4648, with `=` padding)".into()),
            }
        }
        ShapeKind::Timestamp => match value {
            Value::Number(n) if n.as_f64().is_some_and(|s| (MIN_EPOCH_SECONDS..=MAX_EPOCH_SECONDS).contains(&s)) => {
                Ok(())
            }
            Value::String(text) if is_date_time(text) => Ok(()),
            _ => {
                Err("is not a timestamp: epoch seconds from year 1 to 9999, or an RFC 3339 date-time ending in `Z`"
                    .into())
            }
        },
        ShapeKind::Document => Ok(()),
        ShapeKind::List(_) => match value {
            Value::Array(items) if items.is_empty() => Ok(()),
            _ => Err("is not `[]`; a list can only default to the empty list".into()),
        },
        ShapeKind::Map(_) => match value {
            Value::Object(entries) if entries.is_empty() => Ok(()),
            _ => Err("is not `{}`; a map can only default to the empty map".into()),
        },
        _ => Err(format!("is a default for {}, which cannot have one", a(shape.kind.type_name()))),
    }
}

/// Year 1 and the end of year 9999, the range of a Smithy timestamp, in seconds from 1970.
const MIN_EPOCH_SECONDS: f64 = -62_135_596_800.0;
const MAX_EPOCH_SECONDS: f64 = 253_402_300_799.999;

fn whole(value: &Value, min: i64, max: i64, type_name: &str, constraints: &[&Traits]) -> Result<(), String> {
    let Value::Number(number) = value else {
        return Err(format!("is not a number, as the {type_name} it is for needs"));
    };
    let Some(n) = number.as_i64() else {
        return Err(if number.is_u64() {
            format!("is outside the range of a {type_name} ({min} to {max})")
        } else {
            format!("is not a whole number, as a {type_name} needs")
        });
    };
    if n < min || n > max {
        return Err(format!("is outside the range of a {type_name} ({min} to {max})"));
    }
    range(n as f64, constraints)
}

fn float(value: &Value, max: f64, type_name: &str, constraints: &[&Traits]) -> Result<(), String> {
    match value {
        Value::Number(number) => {
            let n = number.as_f64().unwrap_or(f64::INFINITY);
            if !n.is_finite() || n.abs() > max {
                return Err(format!("is outside the range of a {type_name} (±{max:e})"));
            }
            range(n, constraints)
        }
        Value::String(text) if matches!(text.as_str(), "NaN" | "Infinity" | "-Infinity") => Ok(()),
        _ => Err(format!(
            "is not a number (or \"NaN\", \"Infinity\", \"-Infinity\"), as the {type_name} it is for needs"
        )),
    }
}

/// The value keeps to every `@range` that applies, except 0, which Smithy only warns about.
fn range(value: f64, constraints: &[&Traits]) -> Result<(), String> {
    if value == 0.0 {
        return Ok(());
    }
    for traits in constraints {
        let Some((min, max)) = traits.range() else { continue };
        if min.is_some_and(|min| value < min) || max.is_some_and(|max| value > max) {
            let show = |bound: Option<f64>| bound.map_or_else(|| "unbounded".to_owned(), |b| b.to_string());
            return Err(format!("is outside its `@range` ({} to {})", show(min), show(max)));
        }
    }
    Ok(())
}

/// The size keeps to every `@length` that applies.
fn length(size: usize, unit: &str, constraints: &[&Traits]) -> Result<(), String> {
    for traits in constraints {
        let Some((min, max)) = traits.length() else { continue };
        let size = size as u64;
        if min.is_some_and(|min| size < min) || max.is_some_and(|max| size > max) {
            let show = |bound: Option<u64>| bound.map_or_else(|| "unbounded".to_owned(), |b| b.to_string());
            return Err(format!("has {size} {unit}, outside its `@length` ({} to {})", show(min), show(max)));
        }
    }
    Ok(())
}

fn is_integer_text(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// An RFC 3339 `date-time` in UTC: `1985-04-12T23:20:50.52Z`, fractional seconds optional.
fn is_date_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes.get(range).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let number = |range: std::ops::Range<usize>| text.get(range).and_then(|t| t.parse::<u32>().ok()).unwrap_or(99);
    let shape = bytes.len() >= 20
        && digits(0..4)
        && bytes[4] == b'-'
        && digits(5..7)
        && bytes[7] == b'-'
        && digits(8..10)
        && matches!(bytes[10], b'T' | b't')
        && digits(11..13)
        && bytes[13] == b':'
        && digits(14..16)
        && bytes[16] == b':'
        && digits(17..19)
        && matches!(bytes.last(), Some(b'Z' | b'z'));
    if !shape {
        return false;
    }
    let fraction = &text[19..text.len() - 1];
    let fraction_ok =
        fraction.is_empty() || (fraction.len() > 1 && fraction.starts_with('.') && digits(20..text.len() - 1));
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    fraction_ok
        && year >= 1
        && (1..=12).contains(&month)
        && (1..=days_in_month).contains(&day)
        && number(11..13) < 24
        && number(14..16) < 60
        // RFC 3339 allows a leap second.
        && number(17..19) <= 60
}

#[cfg(test)]
mod tests {
    use super::is_date_time;

    #[test]
    fn date_times_are_rfc_3339_in_utc() {
        for good in
            ["1985-04-12T23:20:50.52Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.000Z", "0001-01-01T00:00:00z"]
        {
            assert!(is_date_time(good), "{good}");
        }
        for bad in [
            "1985-04-12T23:20:50.52+01:00",
            "1985-04-12 23:20:50Z",
            "1985-13-12T23:20:50Z",
            "2023-02-29T00:00:00Z",
            "1985-04-12T24:00:00Z",
            "1985-04-12T23:20:50.Z",
            "0000-01-01T00:00:00Z",
            "1985-04-12",
            "",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }
}
