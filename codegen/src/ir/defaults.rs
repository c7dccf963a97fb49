//! Turns a `@default` node value into a [`DefaultValue`] of its member's type.

use codegen_runtime::primitives::{Blob, DateTime, DateTimeFormat};
use serde_json::Value;

use super::{DefaultValue, Node};
use crate::model::{Shape, ShapeKind};

/// The `@default` `value` as a value of the shape `target`, or what is wrong with it.
pub(super) fn default_value(value: &Value, target: &Shape) -> Result<DefaultValue, String> {
    let integer = |min: i64, max: i64| match value.as_i64() {
        Some(n) if (min..=max).contains(&n) => Ok(DefaultValue::Integer(n)),
        _ => Err(format!("is not an integer from {min} to {max}")),
    };
    match &target.kind {
        ShapeKind::Boolean => value.as_bool().map(DefaultValue::Bool).ok_or_else(|| "is not a boolean".to_owned()),
        ShapeKind::Byte => integer(i8::MIN.into(), i8::MAX.into()),
        ShapeKind::Short => integer(i16::MIN.into(), i16::MAX.into()),
        ShapeKind::Integer => integer(i32::MIN.into(), i32::MAX.into()),
        ShapeKind::Long => integer(i64::MIN, i64::MAX),
        ShapeKind::Float | ShapeKind::Double => {
            let single = matches!(target.kind, ShapeKind::Float);
            let number = match value {
                Value::Number(n) => n.as_f64().ok_or_else(|| "is not a number".to_owned())?,
                Value::String(s) if s == "NaN" => f64::NAN,
                Value::String(s) if s == "Infinity" => f64::INFINITY,
                Value::String(s) if s == "-Infinity" => f64::NEG_INFINITY,
                _ => return Err("is not a number".to_owned()),
            };
            if single && number.is_finite() && (number as f32).is_infinite() {
                return Err("is out of the range of a `float`".to_owned());
            }
            Ok(DefaultValue::Float(number))
        }
        ShapeKind::BigInteger | ShapeKind::BigDecimal => match value {
            Value::Number(n) => Ok(DefaultValue::BigNumber(n.to_string())),
            Value::String(s) if is_decimal(s, matches!(target.kind, ShapeKind::BigDecimal)) => {
                Ok(DefaultValue::BigNumber(s.clone()))
            }
            _ => Err("is not a number".to_owned()),
        },
        ShapeKind::String if target.traits.enum_definitions().is_some() => {
            let text = value.as_str().ok_or("is not a string")?;
            let known = target.traits.enum_definitions().unwrap_or_default().iter().any(|d| d.value == text);
            if known {
                Ok(DefaultValue::StringEnum(text.to_owned()))
            } else {
                Err(format!("`{text}` is not a value of the enum"))
            }
        }
        ShapeKind::String => {
            value.as_str().map(|s| DefaultValue::String(s.to_owned())).ok_or_else(|| "is not a string".to_owned())
        }
        ShapeKind::Enum(members) => {
            let text = value.as_str().ok_or("is not a string")?;
            let known = members.iter().any(|m| m.traits.enum_string_value().unwrap_or(&m.name) == text);
            if known {
                Ok(DefaultValue::StringEnum(text.to_owned()))
            } else {
                Err(format!("`{text}` is not a value of the enum"))
            }
        }
        ShapeKind::IntEnum(members) => {
            let number = value.as_i64().ok_or("is not an integer")?;
            let known = members.iter().any(|m| m.traits.enum_int_value().map(i64::from) == Some(number));
            match i32::try_from(number) {
                Ok(number) if known => Ok(DefaultValue::IntEnum(number)),
                _ => Err(format!("{number} is not a value of the intEnum")),
            }
        }
        ShapeKind::Blob => {
            let text = value.as_str().ok_or("is not a base64 string")?;
            // The generated crate's own decoder decides what is base64, so both accept the same text.
            Blob::from_base64(text)
                .map(|blob| DefaultValue::Blob(blob.into_inner()))
                .ok_or_else(|| format!("`{text}` is not valid base64"))
        }
        ShapeKind::Timestamp => match value {
            Value::Number(n) => {
                let seconds = n.as_f64().ok_or("is not a number")?;
                if let Some(whole) = n.as_i64() {
                    return Ok(DefaultValue::Timestamp { seconds: whole, nanos: 0 });
                }
                if !seconds.is_finite() || seconds.abs() > 1e15 {
                    return Err("is not a time the generated code can represent".to_owned());
                }
                let time = DateTime::from_secs_f64(seconds).ok_or("is not a time the generated code can represent")?;
                Ok(DefaultValue::Timestamp { seconds: time.secs(), nanos: time.subsec_nanos() })
            }
            // The generated crate's own parser decides what a date-time is.
            Value::String(text) => match DateTime::parse(text, DateTimeFormat::DateTime) {
                Ok(time) => Ok(DefaultValue::Timestamp { seconds: time.secs(), nanos: time.subsec_nanos() }),
                Err(_) => Err(format!("`{text}` is not an RFC 3339 date-time")),
            },
            _ => Err("is not a number of seconds since the epoch or an RFC 3339 date-time".to_owned()),
        },
        ShapeKind::Document => Ok(DefaultValue::Document(node(value))),
        ShapeKind::List(_) => match value {
            Value::Array(items) if items.is_empty() => Ok(DefaultValue::EmptyList),
            _ => Err("is not an empty list (the only default a list can have)".to_owned()),
        },
        ShapeKind::Map(_) => match value {
            Value::Object(entries) if entries.is_empty() => Ok(DefaultValue::EmptyMap),
            _ => Err("is not an empty map (the only default a map can have)".to_owned()),
        },
        kind => Err(format!("is given to a {}, which cannot have a default", kind.type_name())),
    }
}

/// Whether `text` is a decimal number: an integer, or for decimals with a fraction and exponent.
fn is_decimal(text: &str, fraction: bool) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if fraction {
        text.parse::<f64>().is_ok() && !digits.starts_with(['i', 'I', 'n', 'N'])
    } else {
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    }
}

/// A node value as a document.
pub(crate) fn node(value: &Value) -> Node {
    match value {
        Value::Null => Node::Null,
        Value::Bool(b) => Node::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(v), _) => Node::PosInt(v),
            (None, Some(v)) => Node::NegInt(v),
            _ => Node::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Node::String(s.clone()),
        Value::Array(items) => Node::Array(items.iter().map(node).collect()),
        Value::Object(entries) => {
            let mut entries: Vec<(String, Node)> = entries.iter().map(|(k, v)| (k.clone(), node(v))).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Node::Object(entries)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::model::{ShapeId, Traits};

    fn shape(kind: ShapeKind) -> Shape {
        Shape { id: ShapeId::parse("a#B").expect("id"), kind, traits: Traits::default(), file: None }
    }

    #[test]
    fn defaults_that_fit_become_values() {
        let cases = [
            (ShapeKind::Byte, json!(-128), DefaultValue::Integer(-128)),
            (ShapeKind::Float, json!("NaN"), DefaultValue::Float(f64::NAN)),
            (ShapeKind::Blob, json!("aGk="), DefaultValue::Blob(b"hi".to_vec())),
            (ShapeKind::Timestamp, json!(1.5), DefaultValue::Timestamp { seconds: 1, nanos: 500_000_000 }),
            (
                ShapeKind::Timestamp,
                json!("1970-01-01T00:00:02.25Z"),
                DefaultValue::Timestamp { seconds: 2, nanos: 250_000_000 },
            ),
            (
                ShapeKind::BigInteger,
                json!("123456789012345678901234567890"),
                DefaultValue::BigNumber("123456789012345678901234567890".into()),
            ),
            (
                ShapeKind::Document,
                json!({"b": 1, "a": [null]}),
                DefaultValue::Document(Node::Object(vec![
                    ("a".into(), Node::Array(vec![Node::Null])),
                    ("b".into(), Node::PosInt(1)),
                ])),
            ),
        ];
        for (kind, value, expected) in cases {
            let got = default_value(&value, &shape(kind)).expect("fits");
            // NaN is not equal to itself; compare the debug text.
            assert_eq!(format!("{got:?}"), format!("{expected:?}"), "{value}");
        }
    }

    #[test]
    fn defaults_that_do_not_fit_are_errors() {
        let cases = [
            (ShapeKind::Byte, json!(128)),
            (ShapeKind::Integer, json!(1.5)),
            (ShapeKind::Float, json!(1e39)),
            (ShapeKind::Boolean, json!("true")),
            (ShapeKind::Blob, json!("not base64!")),
            (
                ShapeKind::List(crate::model::Member {
                    name: "member".into(),
                    target: ShapeId::prelude("String"),
                    traits: Traits::default(),
                }),
                json!(["a"]),
            ),
            (ShapeKind::BigInteger, json!("1.5")),
        ];
        for (kind, value) in cases {
            assert!(default_value(&value, &shape(kind)).is_err(), "{value}");
        }
    }
}
