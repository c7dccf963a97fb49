//! Node values as the model carries them, `serde_json::Value`, and the strict JSON reader
//! every JSON AST document goes through.
//!
//! `serde_json` keeps the last value when an object gives a key twice, so a model with a
//! shape, member or trait written twice would lose one of them silently. [`parse_json`]
//! builds the same values through its own visitor and rejects a repeated key instead,
//! naming it and where it is, at the cost of one map lookup per key that the insertion
//! needs anyway.
//!
//! Numbers keep their text (`serde_json`'s `arbitrary_precision`): a `bigDecimal` such as
//! `0.100000000000000000000001` reaches the generated code digit for digit.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};

use crate::diagnostics::Diagnostic;
use crate::source::SourceFile;

/// A JSON text that is not valid, or that gives an object key twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The 1-based line of the problem.
    pub line: usize,
    /// The 1-based column of the problem, counted in bytes.
    pub column: usize,
    /// What is wrong, without the position.
    pub message: String,
    /// The key, when the text is valid JSON but an object gives a key twice.
    pub duplicate_key: Option<String>,
}

impl JsonError {
    /// The error as a diagnostic in `file`, with the offending line.
    pub fn diagnostic(&self, file: &SourceFile) -> Diagnostic {
        let message = match &self.duplicate_key {
            Some(key) => format!(
                "duplicate key `{key}`: this object already has it, and a second value would silently replace the first"
            ),
            None => format!("not valid JSON: {}", self.message),
        };
        file.diagnostic(file.offset_of(self.line, self.column), message)
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for JsonError {}

/// The start of the message of a repeated key, to find its position afterwards.
const DUPLICATE_KEY: &str = "duplicate key ";

/// The key under which `serde_json` with `arbitrary_precision` hands a number's text to a
/// visitor, as a map of one entry.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Parses a JSON text into a value as `serde_json::from_str` does, except that an object
/// that gives a key twice is an error naming the key, located at its second occurrence.
pub fn parse_json(text: &str) -> Result<Value, JsonError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = StrictValue.deserialize(&mut deserializer).and_then(|value| deserializer.end().map(|()| value));
    value.map_err(|error| {
        let message = error.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        let (line, mut column) = (error.line(), error.column());
        // The visitor below words the message as "duplicate key `KEY`".
        let duplicate_key =
            message.strip_prefix(DUPLICATE_KEY).and_then(|key| key.strip_prefix('`')?.strip_suffix('`'));
        let duplicate_key = duplicate_key.map(str::to_owned);
        if duplicate_key.is_some() {
            column = key_start(text, line, column);
        }
        JsonError { line, column, message, duplicate_key }
    })
}

/// `serde_json` locates an error raised while reading an object at the last byte it read,
/// which for a repeated key is its closing quote: this finds the opening quote on the same
/// line, so that the position points at the key.
fn key_start(text: &str, line: usize, column: usize) -> usize {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or_default().as_bytes();
    let close = column.saturating_sub(1);
    if line_text.get(close) != Some(&b'"') {
        return column;
    }
    let mut at = close;
    while at > 0 {
        at -= 1;
        if line_text.get(at) == Some(&b'"') {
            let backslashes = line_text.get(..at).unwrap_or_default().iter().rev().take_while(|&&b| b == b'\\').count();
            if backslashes % 2 == 0 {
                return at + 1;
            }
        }
    }
    column
}

/// Builds a [`Value`], refusing repeated object keys.
struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // As `serde_json::Value` does: JSON text cannot spell a non-finite number.
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        StrictValue.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(StrictValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if key == NUMBER_TOKEN && object.is_empty() {
                let text = access.next_value::<String>()?;
                return text.parse::<Number>().map(Value::Number).map_err(de::Error::custom);
            }
            match object.entry(key) {
                Entry::Occupied(entry) => {
                    return Err(de::Error::custom(format_args!("{DUPLICATE_KEY}`{}`", entry.key())));
                }
                Entry::Vacant(slot) => {
                    slot.insert(access.next_value_seed(StrictValue)?);
                }
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        let text =
            r#"{"b": [1, -2, 3.5, 0.1, "x\u00e9", true, null, {}], "a": {"n": 18446744073709551615, "f": 1e300}}"#;
        assert_eq!(parse_json(text).unwrap(), serde_json::from_str::<Value>(text).unwrap());
        // Key order is kept, as `preserve_order` does.
        let value = parse_json(r#"{"z": 1, "a": 2}"#).unwrap();
        assert_eq!(value.as_object().unwrap().keys().collect::<Vec<_>>(), ["z", "a"]);
        // Errors are serde_json's, without the position in the text.
        let invalid = "[1, 2,]";
        let expected = serde_json::from_str::<Value>(invalid).unwrap_err().to_string();
        let error = parse_json(invalid).unwrap_err();
        assert_eq!(format!("{} at line {} column {}", error.message, error.line, error.column), expected);
        assert_eq!(parse_json("{} x").unwrap_err().message, "trailing characters");
    }

    #[test]
    fn numbers_keep_their_digits() {
        let text = r#"[0.100000000000000000000001, -123456789012345678901234567890, 1e-400, 1.50]"#;
        let value = parse_json(text).unwrap();
        let digits: Vec<String> = value.as_array().unwrap().iter().map(|n| n.to_string()).collect();
        assert_eq!(digits, ["0.100000000000000000000001", "-123456789012345678901234567890", "1e-400", "1.50"]);
        assert_eq!(value[3].as_f64(), Some(1.5));
        // A number past the range of `f64` is kept as written; it has no `f64` value.
        assert_eq!(value[2].as_f64(), Some(0.0));
        assert_eq!(parse_json("[1e400]").unwrap()[0].as_f64(), None);
        assert_eq!(parse_json("[7]").unwrap()[0].as_u64(), Some(7));
    }

    #[test]
    fn a_repeated_key_is_an_error_at_its_second_occurrence() {
        let error = parse_json("{\n  \"a\": 1,\n  \"b\": {\"x\": [], \"x\": 2},\n  \"a\": 3\n}").unwrap_err();
        let expected =
            JsonError { line: 3, column: 18, message: "duplicate key `x`".into(), duplicate_key: Some("x".into()) };
        assert_eq!(error, expected);
        let error = parse_json("{\"a\": 1,\n \"a\": {\"deep\": true}}").unwrap_err();
        assert_eq!((error.line, error.column, error.message.as_str()), (2, 2, "duplicate key `a`"));
        // A key with escapes is found by its opening quote, and reported decoded.
        let error = parse_json(r#"{"q\"\\": 1, "q\"\\": 2}"#).unwrap_err();
        assert_eq!((error.line, error.column, error.duplicate_key.as_deref()), (1, 14, Some(r#"q"\"#)));
        // A key that looks like the message's own wording is still found whole.
        let error = parse_json(r#"{"` at line 1": 1, "` at line 1": 2}"#).unwrap_err();
        assert_eq!(error.duplicate_key.as_deref(), Some("` at line 1"));
        // The same key in different objects is fine.
        assert!(parse_json(r#"[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]"#).is_ok());
    }

    #[test]
    fn errors_become_diagnostics_with_the_source_line() {
        let file = SourceFile::new("m.json", "{\n  \"k\": 1,\n  \"k\": 2\n}");
        let diagnostic = parse_json(&file.text).unwrap_err().diagnostic(&file);
        assert_eq!(
            diagnostic.to_string(),
            "m.json:3:3: duplicate key `k`: this object already has it, and a second value would silently replace the first\n3 |   \"k\": 2\n  |   ^"
        );
        let file = SourceFile::new("m.json", "{\"k\": }");
        let diagnostic = parse_json(&file.text).unwrap_err().diagnostic(&file);
        assert_eq!(diagnostic.position, Some((1, 7)));
        assert!(diagnostic.message.starts_with("not valid JSON: expected value"), "{}", diagnostic.message);
        // Deep nesting is an error, not a stack overflow.
        let deep = "[".repeat(100_000);
        assert!(parse_json(&deep).unwrap_err().message.contains("recursion limit"));
    }
}
