//! The validation rules as tables of small models: each invalid model with the diagnostics it
//! must produce (shape or member id and a fragment of the message), and valid models, edge cases
//! of the same rules, that must produce none.

use serde_json::{Map, Value, json};

use crate::{Model, ModelAssembler, Settings};

/// A restJson1 service with one operation, `ex#Op` (`POST /op`, input `ex#In`, output `ex#Out`),
/// which a case may replace shape by shape.
fn base() -> Map<String, Value> {
    let value = json!({
        "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}],
                   "traits": {"aws.protocols#restJson1": {}}},
        "ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "output": {"target": "ex#Out"},
                  "traits": {"smithy.api#http": {"method": "POST", "uri": "/op"}}},
        "ex#In": {"type": "structure", "members": {}, "traits": {"smithy.api#input": {}}},
        "ex#Out": {"type": "structure", "members": {}, "traits": {"smithy.api#output": {}}}
    });
    match value {
        Value::Object(shapes) => shapes,
        _ => unreachable!("a JSON object"),
    }
}

/// The model of `shapes` (a JSON object of shape definitions) over the base, read as `model.json`.
fn model(shapes: &str) -> Model {
    let mut all = base();
    let Ok(Value::Object(extra)) = serde_json::from_str::<Value>(&format!("{{{shapes}}}")) else {
        panic!("the test's shapes are not a JSON object: {shapes}");
    };
    all.extend(extra);
    let document = json!({"smithy": "2.0", "shapes": all});
    let mut assembler = ModelAssembler::new();
    assembler.add_json_value("model.json", document);
    assembler.assemble().unwrap_or_else(|d| panic!("the test model does not load:\n{d}"))
}

/// Each case: a name, shapes, and every diagnostic expected as `shape id: message fragment`.
type Case = (&'static str, &'static str, &'static [&'static str]);

const INVALID: &[Case] = &[
    // HTTP bindings.
    (
        "an @http trait without a method",
        r#""ex#Op": {"type": "operation", "traits": {"smithy.api#http": {"uri": "/op"}}}"#,
        &["ex#Op: the `@http` trait needs a `method`"],
    ),
    (
        "an @http trait without a uri",
        r#""ex#Op": {"type": "operation", "traits": {"smithy.api#http": {"method": "GET"}}}"#,
        &["ex#Op: the `@http` trait needs a `uri`"],
    ),
    (
        "an @http method that is not a token, a code out of range",
        r#""ex#Op": {"type": "operation", "traits": {"smithy.api#http": {"method": "GET IT", "uri": "/op", "code": 1000}}}"#,
        &["ex#Op: the `@http` method `\"GET IT\"` is not an HTTP method", "ex#Op: the `@http` code `1000`"],
    ),
    (
        "an @http code that is not an integer",
        r#""ex#Op": {"type": "operation", "traits": {"smithy.api#http": {"method": "GET", "uri": "/op", "code": "200"}}}"#,
        &["ex#Op: the `@http` code `\"200\"` is not an HTTP status code"],
    ),
    (
        "an @http uri with a label that is not a whole segment",
        r#""ex#Op": {"type": "operation", "traits": {"smithy.api#http": {"method": "GET", "uri": "/op/{id}.json"}}}"#,
        &["ex#Op: the `@http` uri \"/op/{id}.json\" has a label that does not span a whole path segment"],
    ),
    (
        "an @http uri with two greedy labels",
        r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/{a+}/b/{c+}"}}}"#,
        &["ex#Op: the `@http` uri \"/{a+}/b/{c+}\" has more than one greedy label"],
    ),
    (
        "a URI label with no member",
        r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{id}"}}}"#,
        &["ex#Op: the URI label `{id}` has no input member to fill it"],
    ),
    (
        "a URI label on an operation without input",
        r#""ex#Op": {"type": "operation", "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{id}"}}}"#,
        &["ex#Op: the URI label `{id}` has no input member to fill it"],
    ),
    (
        "a URI label whose member lacks @httpLabel",
        r#""ex#In": {"type": "structure", "members": {"id": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}}},
           "ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{id}"}}}"#,
        &["ex#In$id: fills the URI label `{id}` of `ex#Op`, so it needs `@httpLabel`"],
    ),
    (
        "an @httpLabel member with no label",
        r#""ex#In": {"type": "structure", "members": {"id": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}}}}"#,
        &["ex#In$id: has `@httpLabel`, but the URI of `ex#Op` has no label `{id}`"],
    ),
    (
        "an @httpLabel member that is not required",
        r#""ex#In": {"type": "structure", "members": {"id": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}}}}},
           "ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{id}"}}}"#,
        &["ex#In$id: has `@httpLabel`, so it needs `@required`"],
    ),
    (
        "an @httpLabel member targeting a structure",
        r#""ex#In": {"type": "structure", "members": {"id": {"target": "ex#Thing", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}}}},
           "ex#Thing": {"type": "structure", "members": {}},
           "ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{id}"}}}"#,
        &[
            "ex#In$id: the `@httpLabel` trait applies only to a structure member that targets a string, number, boolean or timestamp",
        ],
    ),
    (
        "a greedy label filled by an integer",
        r#""ex#In": {"type": "structure", "members": {"id": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}}}},
           "ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{id+}"}}}"#,
        &["ex#In$id: fills the greedy URI label `{id+}` of `ex#Op`, so it must target a string, not an integer"],
    ),
    (
        "a member bound to a label and a header",
        r#""ex#In": {"type": "structure", "members": {"id": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}, "smithy.api#httpHeader": "X-Id"}}}},
           "ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{id}"}}}"#,
        &["ex#In$id: the `@httpHeader` and `@httpLabel` traits conflict"],
    ),
    (
        "two members bound to one header, ignoring case, and a header that is not a token",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-Thing"}},
               "b": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "x-thing"}},
               "c": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X Bad"}}}}"#,
        &[
            "ex#In$b: binds the header \"x-thing\", which the member `a` binds too",
            "ex#In$c: binds the header \"X Bad\", which is not an HTTP field name",
        ],
    ),
    (
        "two members bound to one query parameter, and an empty one",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#String", "traits": {"smithy.api#httpQuery": "q"}},
               "b": {"target": "smithy.api#String", "traits": {"smithy.api#httpQuery": "q"}},
               "c": {"target": "smithy.api#String", "traits": {"smithy.api#httpQuery": ""}}}}"#,
        &[
            "ex#In$b: binds the query parameter \"q\", which the member `a` binds too",
            "ex#In$c: the `@httpQuery` trait needs a non-empty string value",
        ],
    ),
    (
        "an @httpQuery member targeting a map",
        r#""ex#In": {"type": "structure", "members": {"a": {"target": "ex#Map", "traits": {"smithy.api#httpQuery": "q"}}}},
           "ex#Map": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#String"}}"#,
        &[
            "ex#In$a: the `@httpQuery` trait applies only to a structure member that targets a string, number, boolean, timestamp or list of",
        ],
    ),
    (
        "two payloads, and a payload beside an unbound member",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#Blob", "traits": {"smithy.api#httpPayload": {}}},
               "b": {"target": "smithy.api#String", "traits": {"smithy.api#httpPayload": {}}},
               "c": {"target": "smithy.api#String"}}}"#,
        &[
            "ex#In: only one member may have the `@httpPayload` trait, but `a`, `b` do",
            "ex#In: binds `a` to the request body with `@httpPayload`, so every other member must go in a label, query parameter or header, but `b`, `c` do not",
        ],
    ),
    (
        "an output payload beside a query member",
        r#""ex#Out": {"type": "structure", "members": {
               "a": {"target": "smithy.api#Blob", "traits": {"smithy.api#httpPayload": {}}},
               "b": {"target": "smithy.api#String", "traits": {"smithy.api#httpQuery": "b"}}}}"#,
        &[
            "ex#Out: binds `a` to the response body with `@httpPayload`, so every other member must go in a header or the status code, but `b` does not",
        ],
    ),
    (
        "prefix headers of integers, on a sparse map, shadowing a header",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "ex#Ints", "traits": {"smithy.api#httpPrefixHeaders": "X-A-"}},
               "b": {"target": "ex#Sparse", "traits": {"smithy.api#httpPrefixHeaders": "X-B-"}},
               "c": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-A-Thing"}}}},
           "ex#Ints": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Integer"}},
           "ex#Sparse": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#String"}, "traits": {"smithy.api#sparse": {}}}"#,
        &[
            "ex#In: only one member may have the `@httpPrefixHeaders` trait",
            "ex#In$a: has `@httpPrefixHeaders`, so it must target a map of strings that is not `@sparse`; `ex#Ints` is not",
            "ex#In$a: binds the header prefix \"x-a-\", which the header \"x-a-thing\" of the member `c` starts with",
            "ex#In$b: has `@httpPrefixHeaders`, so it must target a map of strings that is not `@sparse`; `ex#Sparse` is not",
        ],
    ),
    (
        "query params of integers",
        r#""ex#In": {"type": "structure", "members": {"a": {"target": "ex#Ints", "traits": {"smithy.api#httpQueryParams": {}}}}},
           "ex#Ints": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Integer"}}"#,
        &["ex#In$a: has `@httpQueryParams`, so it must target a map of strings or of lists of strings"],
    ),
    (
        "a response code in an input, and on a string",
        r#""ex#In": {"type": "structure", "members": {"a": {"target": "smithy.api#Integer", "traits": {"smithy.api#httpResponseCode": {}}}}, "traits": {"smithy.api#input": {}}},
           "ex#Out": {"type": "structure", "members": {"b": {"target": "smithy.api#String", "traits": {"smithy.api#httpResponseCode": {}}}}}"#,
        &[
            "ex#In$a: has `@httpResponseCode`, which an `@input` structure cannot have",
            "ex#Out$b: the `@httpResponseCode` trait applies only to a structure member that targets an integer",
        ],
    ),
    (
        "an @httpError out of range, and without @error",
        r#""ex#E": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client", "smithy.api#httpError": 42}},
           "ex#F": {"type": "structure", "members": {}, "traits": {"smithy.api#httpError": 404}}"#,
        &[
            "ex#E: `@httpError(42)` is not an HTTP status code",
            "ex#F: the `@httpError` trait applies only to structures with `@error`",
        ],
    ),
    (
        "two operations of a service with equivalent URIs",
        r#""ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}, {"target": "ex#Other"}]},
           "ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{id}?x=1"}}},
           "ex#In": {"type": "structure", "members": {"id": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}}}},
           "ex#Other": {"type": "operation", "input": {"target": "ex#OtherIn"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{name}/?x=1"}}},
           "ex#OtherIn": {"type": "structure", "members": {"name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}}}}"#,
        &["ex#Other: `GET /things/{}?x=1` conflicts with `ex#Op` in the service `ex#Svc`"],
    ),
    (
        "a stream without @httpPayload in an HTTP operation",
        r#""ex#Out": {"type": "structure", "members": {"body": {"target": "ex#Stream", "traits": {"smithy.api#required": {}}}}},
           "ex#Stream": {"type": "blob", "traits": {"smithy.api#streaming": {}}}"#,
        &["ex#Out$body: targets the stream `ex#Stream`, so it needs `@httpPayload` in the HTTP operation `ex#Op`"],
    ),
    // Endpoint traits.
    (
        "a host prefix label with no member",
        r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#endpoint": {"hostPrefix": "{account}.data."}}}"#,
        &["ex#Op: the host prefix label `{account}` has no input member to fill it"],
    ),
    (
        "a host prefix that is not a host, and one with adjacent labels",
        r#""ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}, {"target": "ex#Other"}]},
           "ex#Op": {"type": "operation", "traits": {"smithy.api#endpoint": {"hostPrefix": "https://data."}}},
           "ex#Other": {"type": "operation", "traits": {"smithy.api#endpoint": {"hostPrefix": "{a}{b}.data."}}}"#,
        &[
            "ex#Op: the `@endpoint` hostPrefix \"https://data.\" would not expand to a valid host name",
            "ex#Other: the `@endpoint` hostPrefix \"{a}{b}.data.\" has two adjacent labels",
        ],
    ),
    (
        "host labels: unbound, not required, not a string, not marked",
        r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#endpoint": {"hostPrefix": "{a}.{d}."}}},
           "ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#String", "traits": {"smithy.api#hostLabel": {}}},
               "b": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#hostLabel": {}}},
               "c": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {}, "smithy.api#hostLabel": {}}},
               "d": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}}}"#,
        &[
            "ex#In$a: has `@hostLabel`, so it needs `@required`",
            "ex#In$b: has `@hostLabel`, but the host prefix \"{a}.{d}.\" of `ex#Op` has no label `{b}`",
            "ex#In$c: the `@hostLabel` trait applies only to a structure member that targets a string",
            "ex#In$c: has `@hostLabel`, but the host prefix",
            "ex#In$d: fills the host prefix label `{d}` of `ex#Op`, so it needs `@hostLabel`",
        ],
    ),
    // Defaults.
    (
        "defaults that do not fit their types",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": "zero"}},
               "b": {"target": "smithy.api#Byte", "traits": {"smithy.api#default": 200}},
               "c": {"target": "smithy.api#Long", "traits": {"smithy.api#default": 1.5}},
               "d": {"target": "smithy.api#Boolean", "traits": {"smithy.api#default": "false"}},
               "e": {"target": "smithy.api#String", "traits": {"smithy.api#default": 1}},
               "f": {"target": "smithy.api#Blob", "traits": {"smithy.api#default": "not base64!"}},
               "g": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#default": "1985-04-12T23:20:50+01:00"}},
               "h": {"target": "ex#List", "traits": {"smithy.api#default": ["x"]}},
               "i": {"target": "ex#Map", "traits": {"smithy.api#default": {"k": "v"}}},
               "k": {"target": "ex#Enum", "traits": {"smithy.api#default": "C"}},
               "l": {"target": "ex#IntEnum", "traits": {"smithy.api#default": 3}},
               "m": {"target": "ex#Thing", "traits": {"smithy.api#default": {}}}}},
           "ex#List": {"type": "list", "member": {"target": "smithy.api#String"}},
           "ex#Map": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#String"}},
           "ex#Enum": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}},
           "ex#IntEnum": {"type": "intEnum", "members": {"ONE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}}}},
           "ex#Thing": {"type": "structure", "members": {}}"#,
        &[
            "ex#In$a: has the `@default` \"zero\", which is not a number, as the integer it is for needs",
            "ex#In$b: has the `@default` 200, which is outside the range of a byte (-128 to 127)",
            "ex#In$c: has the `@default` 1.5, which is not a whole number",
            "ex#In$d: has the `@default` \"false\", which is not a boolean",
            "ex#In$e: has the `@default` 1, which is not a string",
            "ex#In$f: has the `@default` \"not base64!\", which is not base64",
            "ex#In$g: has the `@default` \"1985-04-12T23:20:50+01:00\", which is not a timestamp",
            "ex#In$h: has the `@default` [\"x\"], which is not `[]`",
            "ex#In$i: has the `@default` {\"k\":\"v\"}, which is not `{}`",
            "ex#In$k: has the `@default` \"C\", which is not one of the values of the enum `ex#Enum`",
            "ex#In$l: has the `@default` 3, which is not one of the values of the intEnum `ex#IntEnum`",
            "ex#In$m: the `@default` trait applies only to a simple type, list or map shape or a structure member",
        ],
    ),
    (
        "a float default out of range",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#Float", "traits": {"smithy.api#default": 1e39}},
               "b": {"target": "smithy.api#Double", "traits": {"smithy.api#default": "nan"}}}}"#,
        &[
            "ex#In$a: which is outside the range of a float",
            "ex#In$b: has the `@default` \"nan\", which is not a number (or \"NaN\"",
        ],
    ),
    (
        "numbers past the range of a double, which the model keeps as written",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#Double", "traits": {"smithy.api#default": 1e400}},
               "b": {"target": "smithy.api#Long", "traits": {"smithy.api#default": -1e400}},
               "c": {"target": "ex#Wide"}}},
           "ex#Wide": {"type": "double", "traits": {"smithy.api#range": {"min": -2e308}}}"#,
        &[
            "ex#In$a: has the `@default` 1e+400, which is outside the range of a double",
            "ex#In$b: has the `@default` -1e+400, which is not a whole number, as a long needs",
            "ex#Wide: `@range`: `min` is -2e+308, beyond what a double can hold",
        ],
    ),
    (
        "defaults outside @range and @length",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "ex#Small", "traits": {"smithy.api#default": 11}},
               "b": {"target": "smithy.api#String", "traits": {"smithy.api#default": "", "smithy.api#length": {"min": 1}}}}},
           "ex#Small": {"type": "integer", "traits": {"smithy.api#range": {"min": 1, "max": 10}}}"#,
        &[
            "ex#In$a: has the `@default` 11, which is outside its `@range` (1 to 10)",
            "ex#In$b: has the `@default` \"\", which has 0 characters, outside its `@length` (1 to unbounded)",
        ],
    ),
    (
        "a member that drops or changes its target's default, a null root default, @addedDefault alone",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "ex#Zero"},
               "b": {"target": "ex#Zero", "traits": {"smithy.api#default": 1}},
               "c": {"target": "smithy.api#String", "traits": {"smithy.api#addedDefault": {}}}}},
           "ex#Zero": {"type": "integer", "traits": {"smithy.api#default": 0}},
           "ex#Null": {"type": "string", "traits": {"smithy.api#default": null}}"#,
        &[
            "ex#In$a: targets `ex#Zero`, whose `@default` is 0; the member needs the same `@default`",
            "ex#In$b: has the `@default` 1, but its target `ex#Zero` has the `@default` 0",
            "ex#In$c: has `@addedDefault` but no `@default`",
            "ex#Null: a shape's `@default` cannot be null",
        ],
    ),
    // Trait values and where traits apply.
    (
        "an unknown timestamp format and error fault",
        r#""ex#In": {"type": "structure", "members": {"t": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#timestampFormat": "iso-8601"}}}},
           "ex#E": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "user"}}"#,
        &[
            "ex#E: `@error(\"user\")` is not a fault; use \"client\" or \"server\"",
            "ex#In$t: `@timestampFormat(\"iso-8601\")` is not a timestamp format",
        ],
    ),
    (
        "traits of the wrong type or in the wrong place",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#String", "traits": {"smithy.api#required": true, "smithy.api#timestampFormat": "date-time"}},
               "b": {"target": "smithy.api#String", "traits": {"smithy.api#jsonName": 3, "smithy.api#sparse": {}}}},
               "traits": {"smithy.api#retryable": {"throttling": "yes"}}},
           "ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#readonly": {}, "smithy.api#idempotent": {},
                     "smithy.api#http": {"method": "POST", "uri": "/op"}}}"#,
        &[
            "ex#In: the `@retryable` trait applies only to structures with `@error`",
            "ex#In: the `throttling` of the `@retryable` trait must be a boolean",
            "ex#In$a: the `@required` trait needs an object value (`{}`), not `true`",
            "ex#In$a: the `@timestampFormat` trait applies only to a timestamp shape or a member that targets one",
            "ex#In$b: the `@jsonName` trait needs a string value, not `3`",
            "ex#In$b: the `@sparse` trait applies only to a list or map shape",
            "ex#Op: the `@idempotent` and `@readonly` traits conflict",
        ],
    ),
    (
        "an error that is also an input",
        r#""ex#E": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client", "smithy.api#input": {}}}"#,
        &["ex#E: the `@error` and `@input` traits conflict; use one"],
    ),
    (
        "two members with one JSON name, two idempotency tokens",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#String", "traits": {"smithy.api#jsonName": "x", "smithy.api#idempotencyToken": {}}},
               "b": {"target": "smithy.api#String", "traits": {"smithy.api#jsonName": "x", "smithy.api#idempotencyToken": {}}}}}"#,
        &[
            "ex#In: only one member may have the `@idempotencyToken` trait",
            "ex#In$b: has the `@jsonName` \"x\" of the member `a`",
        ],
    ),
    // Shapes.
    (
        "enums: empty, repeated values, values of the wrong type",
        r#""ex#Empty": {"type": "enum", "members": {}},
           "ex#E": {"type": "enum", "members": {
               "A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "x"}},
               "B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "x"}},
               "C": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 3}}}},
           "ex#I": {"type": "intEnum", "members": {
               "A": {"target": "smithy.api#Unit"},
               "B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 4294967296}}}}"#,
        &[
            "ex#E$B: repeats the value \"x\" of the member `A`",
            "ex#E$C: has the `@enumValue` `3`; an enum's values are non-empty strings",
            "ex#Empty: an enum needs at least one value",
            "ex#I$A: needs an `@enumValue`",
            "ex#I$B: has the `@enumValue` `4294967296`",
        ],
    ),
    (
        "an @enum trait with bad entries",
        r#""ex#S": {"type": "string", "traits": {"smithy.api#enum": [
               {"value": "a", "name": "A"}, {"value": "a", "name": "B"}, {"value": "", "name": "1C"}, {"value": "d"}, "e"]}}"#,
        &[
            "ex#S: the `@enum` trait repeats the value \"a\"",
            "ex#S: entry 2 of the `@enum` trait needs a non-empty string `value`",
            "ex#S: entry 2 of the `@enum` trait has the name `\"1C\"`",
            "ex#S: entry 4 of the `@enum` trait must be an object",
            "ex#S: the `@enum` trait names some entries but not all",
        ],
    ),
    (
        "an empty union, map keys that are not strings, a member targeting Unit",
        r#""ex#U": {"type": "union", "members": {}},
           "ex#ByStruct": {"type": "map", "key": {"target": "ex#Thing"}, "value": {"target": "smithy.api#String"}},
           "ex#ByFloat": {"type": "map", "key": {"target": "smithy.api#Float"}, "value": {"target": "smithy.api#String"}},
           "ex#Thing": {"type": "structure", "members": {"u": {"target": "smithy.api#Unit"}}}"#,
        &[
            "ex#ByFloat$key: the map key targets `smithy.api#Float`, a float; map keys must target a string or an enum",
            "ex#ByStruct$key: the map key targets `ex#Thing`, a structure",
            "ex#Thing$u: targets `smithy.api#Unit`",
            "ex#U: a union needs at least one member",
        ],
    ),
    // Constraint traits.
    (
        "constraint traits out of order, out of range, on the wrong shapes",
        r#""ex#A": {"type": "integer", "traits": {"smithy.api#range": {"min": 10, "max": 1}}},
           "ex#B": {"type": "byte", "traits": {"smithy.api#range": {"max": 1000}}},
           "ex#C": {"type": "integer", "traits": {"smithy.api#range": {"min": 0.5}}},
           "ex#D": {"type": "string", "traits": {"smithy.api#length": {"min": -1}, "smithy.api#range": {"min": 1}}},
           "ex#E": {"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#length": {}, "smithy.api#pattern": "^a"}},
           "ex#F": {"type": "string", "traits": {"smithy.api#pattern": "^(a|b$"}},
           "ex#G": {"type": "list", "member": {"target": "ex#Holder"}, "traits": {"smithy.api#uniqueItems": {}}},
           "ex#Holder": {"type": "structure", "members": {"d": {"target": "smithy.api#Double"}}}"#,
        &[
            "ex#A: `@range`: `min` (10) is greater than `max` (1)",
            "ex#B: `@range`: `max` is 1000, outside what a byte can hold",
            "ex#C: `@range`: `min` is 0.5, but an integer takes only whole bounds",
            "ex#D: `@length`: `min` must be a whole number of at least 0",
            "ex#D: the `@range` trait applies only to a number shape or a member that targets one",
            "ex#E: `@length`: needs a `min`, a `max` or both",
            "ex#E: the `@pattern` trait applies only to a string shape or a member that targets one",
            "ex#F: `@pattern(\"^(a|b$\")` is not a regular expression: a `(` group is not closed",
            "ex#G: has `@uniqueItems`, but its items can hold `smithy.api#Double`",
        ],
    ),
    // Streams.
    (
        "streams outside inputs and outputs, an optional streaming blob, an event of the wrong kind",
        r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "output": {"target": "ex#Out"}},
           "ex#In": {"type": "structure", "members": {"a": {"target": "ex#Blob"}, "b": {"target": "ex#Events"}}},
           "ex#Out": {"type": "structure", "members": {"c": {"target": "ex#Holder"}}},
           "ex#Holder": {"type": "structure", "members": {"d": {"target": "ex#Blob", "traits": {"smithy.api#required": {}}}}},
           "ex#Blob": {"type": "blob", "traits": {"smithy.api#streaming": {}}},
           "ex#Events": {"type": "union", "members": {"e": {"target": "smithy.api#String"}}, "traits": {"smithy.api#streaming": {}}}"#,
        &[
            "ex#Events$e: is an event of the event stream `ex#Events`, so it must target a structure, not a string",
            "ex#Holder$d: targets the stream `ex#Blob`, but only a member of an operation's input or output may hold a stream",
            "ex#In: holds more than one stream (`a`, `b`)",
            "ex#In$a: targets a streaming blob, so it needs `@required` or `@default`",
        ],
    ),
    // Recursion and nesting.
    (
        "a cycle of required members",
        r#""ex#A": {"type": "structure", "members": {"b": {"target": "ex#B", "traits": {"smithy.api#required": {}}}}},
           "ex#B": {"type": "structure", "members": {"a": {"target": "ex#A", "traits": {"smithy.api#required": {}}}}},
           "ex#C": {"type": "structure", "members": {"a": {"target": "ex#A", "traits": {"smithy.api#required": {}}}}}"#,
        &["ex#A: the @required members ex#A$b → ex#B$a form a cycle"],
    ),
    (
        "a union that only recurses",
        r#""ex#U": {"type": "union", "members": {"s": {"target": "ex#S"}}},
           "ex#S": {"type": "structure", "members": {"u": {"target": "ex#U", "traits": {"smithy.api#required": {}}}}}"#,
        &["ex#S: the members ex#S$u → ex#U$s form a cycle every value must follow"],
    ),
    (
        "lists and maps that contain themselves",
        r#""ex#L": {"type": "list", "member": {"target": "ex#L"}},
           "ex#M": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "ex#N"}},
           "ex#N": {"type": "list", "member": {"target": "ex#M"}}"#,
        &[
            "ex#L: this list or map contains itself with no structure or union in between",
            "ex#M: this list or map contains itself",
            "ex#N: this list or map contains itself",
        ],
    ),
];

/// Valid models close to the rules above, which must produce no diagnostic.
const VALID: &[(&str, &str)] = &[
    (
        "labels of every kind, a greedy label not last, a trailing slash, a literal query",
        r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/{path+}/x/{n}/{e}/{t}/?list&type=a", "code": 201}}},
           "ex#In": {"type": "structure", "members": {
               "path": {"target": "ex#Kind", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}},
               "n": {"target": "smithy.api#Long", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}},
               "e": {"target": "ex#Number", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}},
               "t": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}, "smithy.api#timestampFormat": "epoch-seconds"}}}},
           "ex#Kind": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}},
           "ex#Number": {"type": "intEnum", "members": {"ONE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}}}}"#,
    ),
    (
        "label-like bindings ignored outside an operation input",
        r#""ex#Out": {"type": "structure", "members": {
               "id": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}},
               "q": {"target": "smithy.api#String", "traits": {"smithy.api#httpQuery": "q"}},
               "code": {"target": "smithy.api#Integer", "traits": {"smithy.api#httpResponseCode": {}}}}},
           "ex#Nested": {"type": "structure", "members": {
               "h": {"target": "smithy.api#String", "traits": {"smithy.api#hostLabel": {}, "smithy.api#required": {}}}}}"#,
    ),
    (
        "discouraged headers, an empty prefix beside headers, query params of lists",
        r#""ex#In": {"type": "structure", "members": {
               "length": {"target": "smithy.api#Long", "traits": {"smithy.api#httpHeader": "Content-Length"}},
               "all": {"target": "ex#Strings", "traits": {"smithy.api#httpPrefixHeaders": ""}},
               "tag": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-Tag"}},
               "times": {"target": "ex#Times", "traits": {"smithy.api#httpHeader": "X-Times"}},
               "params": {"target": "ex#Lists", "traits": {"smithy.api#httpQueryParams": {}}},
               "q": {"target": "ex#Times", "traits": {"smithy.api#httpQuery": "q"}}}},
           "ex#Strings": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#String"}},
           "ex#Lists": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "ex#StringList"}},
           "ex#StringList": {"type": "list", "member": {"target": "smithy.api#String"}},
           "ex#Times": {"type": "list", "member": {"target": "smithy.api#Timestamp"}}"#,
    ),
    (
        "a payload with every other member bound, and a streaming output",
        r#""ex#In": {"type": "structure", "members": {
               "body": {"target": "ex#Thing", "traits": {"smithy.api#httpPayload": {}}},
               "h": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-H"}},
               "q": {"target": "smithy.api#String", "traits": {"smithy.api#httpQuery": "q"}}}},
           "ex#Out": {"type": "structure", "members": {
               "stream": {"target": "ex#Blob", "traits": {"smithy.api#httpPayload": {}, "smithy.api#default": ""}},
               "code": {"target": "smithy.api#Integer", "traits": {"smithy.api#httpResponseCode": {}}}}},
           "ex#Thing": {"type": "structure", "members": {}},
           "ex#Blob": {"type": "blob", "traits": {"smithy.api#streaming": {}}},
           "ex#E": {"type": "structure", "members": {
               "body": {"target": "smithy.api#String", "traits": {"smithy.api#httpPayload": {}}},
               "h": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-H"}}},
               "traits": {"smithy.api#error": "server", "smithy.api#httpError": 503, "smithy.api#retryable": {"throttling": true}}}"#,
    ),
    (
        "URIs that differ by method, literal, query or host",
        r#""ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}, {"target": "ex#A"}, {"target": "ex#B"}, {"target": "ex#C"}, {"target": "ex#D"}]},
           "ex#A": {"type": "operation", "traits": {"smithy.api#http": {"method": "GET", "uri": "/op"}}},
           "ex#B": {"type": "operation", "traits": {"smithy.api#http": {"method": "POST", "uri": "/op/x"}}},
           "ex#C": {"type": "operation", "traits": {"smithy.api#http": {"method": "POST", "uri": "/op?x"}}},
           "ex#D": {"type": "operation", "traits": {"smithy.api#http": {"method": "POST", "uri": "/op"}, "smithy.api#endpoint": {"hostPrefix": "data."}}}"#,
    ),
    (
        "host labels between text",
        r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#endpoint": {"hostPrefix": "{a}-{b}.data."}}},
           "ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#hostLabel": {}}},
               "b": {"target": "ex#Kind", "traits": {"smithy.api#required": {}, "smithy.api#hostLabel": {}}}}},
           "ex#Kind": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}}"#,
    ),
    (
        "defaults of every kind",
        r#""ex#In": {"type": "structure", "members": {
               "a": {"target": "smithy.api#PrimitiveInteger", "traits": {"smithy.api#default": 0}},
               "b": {"target": "smithy.api#PrimitiveFloat", "traits": {"smithy.api#default": 0.0}},
               "c": {"target": "smithy.api#Float", "traits": {"smithy.api#default": "NaN"}},
               "d": {"target": "smithy.api#Double", "traits": {"smithy.api#default": "-Infinity"}},
               "e": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#default": "1985-04-12T23:20:50.52Z"}},
               "f": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#default": 1515531081.123}},
               "g": {"target": "smithy.api#Blob", "traits": {"smithy.api#default": "YWJj"}},
               "h": {"target": "smithy.api#Document", "traits": {"smithy.api#default": {}}},
               "i": {"target": "smithy.api#Document", "traits": {"smithy.api#default": {"a": [1, "x", null]}}},
               "j": {"target": "ex#List", "traits": {"smithy.api#default": [], "smithy.api#required": {}}},
               "k": {"target": "ex#Kind", "traits": {"smithy.api#default": "a"}},
               "l": {"target": "ex#Legacy", "traits": {"smithy.api#default": "y"}},
               "m": {"target": "smithy.api#BigDecimal", "traits": {"smithy.api#default": "1.25"}},
               "n": {"target": "smithy.api#BigInteger", "traits": {"smithy.api#default": "123456789012345678901234567890"}},
               "o": {"target": "ex#Ranged", "traits": {"smithy.api#default": 0}},
               "p": {"target": "ex#Zero", "traits": {"smithy.api#default": null}},
               "q": {"target": "smithy.api#Long", "traits": {"smithy.api#default": 9223372036854775807, "smithy.api#addedDefault": {}}}}},
           "ex#List": {"type": "list", "member": {"target": "smithy.api#String"}},
           "ex#Kind": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "a"}}}},
           "ex#Legacy": {"type": "string", "traits": {"smithy.api#enum": [{"value": "x"}, {"value": "y"}]}},
           "ex#Ranged": {"type": "integer", "traits": {"smithy.api#range": {"min": 1, "max": 10}}},
           "ex#Zero": {"type": "integer", "traits": {"smithy.api#default": 0}}"#,
    ),
    (
        "enum map keys, Java-style patterns, unique items of strings",
        r#""ex#ByKind": {"type": "map", "key": {"target": "ex#Kind"}, "value": {"target": "smithy.api#String"}},
           "ex#Kind": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}, "traits": {"smithy.api#length": {"min": 1}, "smithy.api#pattern": "^(?i)[a-z]{2}+$"}},
           "ex#Set": {"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#uniqueItems": {}, "smithy.api#length": {"max": 3}}},
           "ex#Ratio": {"type": "float", "traits": {"smithy.api#range": {"min": 0.5, "max": "1.5"}}}"#,
    ),
    (
        "recursion through optional members, lists, maps and unions with a way out",
        r#""ex#Tree": {"type": "structure", "members": {
               "children": {"target": "ex#Trees", "traits": {"smithy.api#required": {}}},
               "parent": {"target": "ex#Tree"},
               "value": {"target": "ex#Value", "traits": {"smithy.api#required": {}}}}},
           "ex#Trees": {"type": "list", "member": {"target": "ex#Tree"}},
           "ex#Value": {"type": "union", "members": {"leaf": {"target": "smithy.api#String"}, "tree": {"target": "ex#Tree"}, "none": {"target": "smithy.api#Unit"}}},
           "ex#Grid": {"type": "list", "member": {"target": "ex#Row"}},
           "ex#Row": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "ex#Cell"}},
           "ex#Cell": {"type": "structure", "members": {"grid": {"target": "ex#Grid"}}}"#,
    ),
];

fn diagnostics(shapes: &str) -> Vec<crate::Diagnostic> {
    match super::validate(&model(shapes)) {
        Ok(()) => Vec::new(),
        Err(found) => found.into_iter().collect(),
    }
}

#[test]
fn each_invalid_model_gets_exactly_its_diagnostics() {
    let mut failures = Vec::new();
    for (name, shapes, expected) in INVALID {
        let found = diagnostics(shapes);
        let mut unmatched: Vec<&crate::Diagnostic> = found.iter().collect();
        for want in *expected {
            let (shape, fragment) = want.split_once(": ").expect("`shape: fragment`");
            match unmatched.iter().position(|d| d.shape.as_deref() == Some(shape) && d.message.contains(fragment)) {
                Some(at) => {
                    let diagnostic = unmatched.remove(at);
                    if diagnostic.file.as_deref() != Some("model.json") {
                        failures.push(format!("{name}: `{diagnostic}` does not name the file"));
                    }
                }
                None => failures.push(format!("{name}: missing `{want}`")),
            }
        }
        for extra in unmatched {
            failures.push(format!("{name}: unexpected `{extra}`"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_valid_model_gets_no_diagnostic() {
    let mut failures = Vec::new();
    for (name, shapes) in VALID {
        for diagnostic in diagnostics(shapes) {
            failures.push(format!("{name}: `{diagnostic}`"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Models the generator used to turn into code (silently wrong, or left to a renderer's
/// fallback) are refused by `generate` itself, naming the file and the shape.
#[test]
fn generation_refuses_the_models_it_used_to_accept() {
    let cases: &[(&str, &str)] = &[
        // A `@default` that does not fit its type.
        (
            r#""ex#In": {"type": "structure", "members": {"a": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": "zero"}}}}"#,
            "ex#In$a",
        ),
        // A URI label with no member.
        (
            r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/things/{id}"}}}"#,
            "ex#Op",
        ),
        // A host prefix label with no member.
        (
            r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#endpoint": {"hostPrefix": "{id}."}, "smithy.api#http": {"method": "GET", "uri": "/op"}}}"#,
            "ex#Op",
        ),
        // An unknown `@timestampFormat`.
        (
            r#""ex#In": {"type": "structure", "members": {"t": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#timestampFormat": "iso"}}}}"#,
            "ex#In$t",
        ),
        // An incomplete `@http`.
        (
            r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"uri": "/op"}}}"#,
            "ex#Op",
        ),
        // An unknown `@error` value.
        (
            r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "errors": [{"target": "ex#E"}]}, "ex#E": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "user"}}"#,
            "ex#E",
        ),
        // A map key that is a structure.
        (
            r#""ex#In": {"type": "structure", "members": {"m": {"target": "ex#M"}}}, "ex#M": {"type": "map", "key": {"target": "ex#K"}, "value": {"target": "smithy.api#String"}}, "ex#K": {"type": "structure", "members": {}}"#,
            "ex#M$key",
        ),
        // A map key that is a float.
        (
            r#""ex#In": {"type": "structure", "members": {"m": {"target": "ex#M"}}}, "ex#M": {"type": "map", "key": {"target": "smithy.api#Float"}, "value": {"target": "smithy.api#String"}}"#,
            "ex#M$key",
        ),
        // `@httpLabel` on a member targeting a structure.
        (
            r#""ex#Op": {"type": "operation", "input": {"target": "ex#In"}, "traits": {"smithy.api#http": {"method": "GET", "uri": "/x/{k}"}}}, "ex#In": {"type": "structure", "members": {"k": {"target": "ex#K", "traits": {"smithy.api#required": {}, "smithy.api#httpLabel": {}}}}}, "ex#K": {"type": "structure", "members": {}}"#,
            "ex#In$k",
        ),
        // A float `@default` out of range.
        (
            r#""ex#In": {"type": "structure", "members": {"f": {"target": "smithy.api#Float", "traits": {"smithy.api#default": 1e39}}}}"#,
            "ex#In$f",
        ),
    ];
    let mut failures = Vec::new();
    for (shapes, shape) in cases {
        match crate::generate(&model(shapes), &Settings::new("refused")) {
            Ok(_) => failures.push(format!("{shapes}: generated code")),
            Err(found) => {
                let text = found.to_string();
                if !found.iter().any(|d| d.shape.as_deref() == Some(*shape) && d.file.as_deref() == Some("model.json"))
                {
                    failures.push(format!("{shapes}: no diagnostic names `model.json` and `{shape}`:\n{text}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_nesting_of_lists_past_the_limit_is_refused_once() {
    use super::recursion::MAX_COLLECTION_DEPTH;
    let nested = |depth: usize| {
        let mut shapes = Vec::new();
        let mut inner = "smithy.api#String".to_owned();
        for level in 1..=depth {
            let kind = if level % 2 == 0 { "list" } else { "map" };
            let shape = if kind == "list" {
                format!(r#""ex#C{level}": {{"type": "list", "member": {{"target": "{inner}"}}}}"#)
            } else {
                format!(
                    r#""ex#C{level}": {{"type": "map", "key": {{"target": "smithy.api#String"}}, "value": {{"target": "{inner}"}}}}"#
                )
            };
            shapes.push(shape);
            inner = format!("ex#C{level}");
        }
        shapes.join(",")
    };
    assert!(diagnostics(&nested(MAX_COLLECTION_DEPTH)).is_empty());
    let found = diagnostics(&nested(MAX_COLLECTION_DEPTH + 2));
    assert_eq!(found.len(), 1, "{found:?}");
    let first = &found[0];
    assert_eq!(first.shape.as_deref(), Some(format!("ex#C{}", MAX_COLLECTION_DEPTH + 1).as_str()));
    assert!(first.message.contains(&format!("nests lists and maps {} deep", MAX_COLLECTION_DEPTH + 1)), "{first}");
    assert!(first.message.contains("rustc"), "the message says why: {first}");
}

#[test]
fn a_chain_of_inline_structures_past_the_limit_is_refused_once() {
    use super::recursion::MAX_INLINE_DEPTH;
    let chain = |depth: usize| {
        let mut shapes = Vec::new();
        let mut inner = "smithy.api#String".to_owned();
        for level in 1..=depth {
            let kind = if level % 3 == 0 { "union" } else { "structure" };
            shapes.push(format!(
                r#""ex#S{level}": {{"type": "{kind}", "members": {{"next": {{"target": "{inner}"}}}}}}"#
            ));
            inner = format!("ex#S{level}");
        }
        shapes.join(",")
    };
    assert!(diagnostics(&chain(MAX_INLINE_DEPTH)).is_empty());
    let found = diagnostics(&chain(MAX_INLINE_DEPTH + 3));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].shape.as_deref(), Some(format!("ex#S{}", MAX_INLINE_DEPTH + 1).as_str()));
    assert!(found[0].message.contains("inline"), "{}", found[0]);
}

#[test]
fn diagnostics_are_ordered_by_shape() {
    let found = diagnostics(INVALID.iter().find(|case| case.0.starts_with("defaults that do not fit")).unwrap().1);
    let shapes: Vec<&str> = found.iter().filter_map(|d| d.shape.as_deref()).collect();
    let mut sorted = shapes.clone();
    sorted.sort();
    assert_eq!(shapes, sorted);
}
