//! CBOR bodies (RFC 8949) for the rpcv2Cbor protocol: the encoder and decoder the generated
//! `Encode` and `Decode` impls drive, on the `minicbor` crate's low-level reader and writer.
//!
//! Every value's CBOR form follows from its Rust type (the protocol ignores `@timestampFormat`
//! and has no other member-level traits), so a value is written and read through a trait
//! implemented here for the standard and primitive types and, by the generator, for each
//! structure, union and enum. Structures are maps of their members by name, absent members left
//! out; timestamps are tag 1 with epoch seconds; blobs are byte strings; big integers are tags 2
//! and 3, big decimals tag 4.
//!
//! Reading accepts whatever a conforming service may send: definite and indefinite lengths,
//! floats of any width (half-precision included) and integers where floats are expected, `null`
//! and `undefined` for absent values, unknown members (skipped) and unknown tags (ignored). A
//! body that is not CBOR, or not the value expected, is an [`Error`] saying what was expected
//! and at which byte, never quoting a value (it may be sensitive); nesting deeper than
//! [`MAX_DEPTH`] is an error, so a hostile body cannot exhaust the stack.

// Not every crate uses every part.
#![allow(dead_code)]

use ::std::borrow::Cow;

/// How deeply maps and arrays may nest in a body being read, as `serde_json` allows for JSON.
pub(crate) const MAX_DEPTH: usize = 128;

/// A value written in CBOR.
pub(crate) trait Encode {
    /// Writes the value.
    fn encode(&self, encoder: &mut Encoder);
}

/// A value read from CBOR.
pub(crate) trait Decode: Sized {
    /// Reads a value.
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error>;

    /// Reads an item of a list or a value of a map: `None` for a `null` one, which dense
    /// collections leave out. Sparse collections (`Option` items) keep it.
    fn decode_item(decoder: &mut Decoder<'_>) -> ::std::result::Result<Option<Self>, Error> {
        if decoder.null()? {
            Ok(None)
        } else {
            Self::decode(decoder).map(Some)
        }
    }
}

/// The CBOR of `value`, as a request body.
pub(crate) fn to_body<T: Encode + ?Sized>(value: &T) -> ::std::vec::Vec<u8> {
    let mut encoder = Encoder::new();
    value.encode(&mut encoder);
    encoder.into_bytes()
}

/// Reads a whole body as one value of `T`. An empty body is an empty map: what a service sends
/// for an operation without output, and what clients accept for an empty structure.
pub(crate) fn from_body<T: Decode>(body: &[u8]) -> ::std::result::Result<T, ::std::string::String> {
    const EMPTY_MAP: &[u8] = &[0xa0];
    let mut decoder = Decoder::new(if body.is_empty() { EMPTY_MAP } else { body });
    let value = T::decode(&mut decoder).map_err(error_text)?;
    decoder.finish().map_err(error_text)?;
    Ok(value)
}

/// What is wrong with a CBOR body.
fn error_text(error: Error) -> ::std::string::String {
    error.to_string()
}

/// Writes CBOR into a buffer.
pub(crate) struct Encoder {
    cbor: ::minicbor::Encoder<::std::vec::Vec<u8>>,
}

/// Whatever an encoder call returns. Writing into a `Vec` cannot fail (its write error is
/// `Infallible`), and the calls used here have no other error.
fn written<T>(_: ::std::result::Result<T, ::minicbor::encode::Error<::std::convert::Infallible>>) {}

impl Encoder {
    /// An empty buffer.
    pub(crate) fn new() -> Self {
        Self {
            cbor: ::minicbor::Encoder::new(::std::vec::Vec::new()),
        }
    }

    /// The bytes written.
    pub(crate) fn into_bytes(self) -> ::std::vec::Vec<u8> {
        self.cbor.into_writer()
    }

    /// Starts a map of unknown length, ended by [`Encoder::end`]: how structures are written,
    /// so that absent members need not be counted first.
    pub(crate) fn begin_map(&mut self) {
        written(self.cbor.begin_map());
    }

    /// Ends a map started with [`Encoder::begin_map`].
    pub(crate) fn end(&mut self) {
        written(self.cbor.end());
    }

    /// Starts a map of `len` entries.
    pub(crate) fn map(&mut self, len: usize) {
        written(self.cbor.map(len as u64));
    }

    /// Starts an array of `len` items.
    pub(crate) fn array(&mut self, len: usize) {
        written(self.cbor.array(len as u64));
    }

    /// A text string.
    pub(crate) fn str(&mut self, text: &str) {
        written(self.cbor.str(text));
    }

    /// A byte string.
    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        written(self.cbor.bytes(bytes));
    }

    /// `true` or `false`.
    pub(crate) fn bool(&mut self, value: bool) {
        written(self.cbor.bool(value));
    }

    /// An integer, in its shortest form.
    pub(crate) fn int(&mut self, value: i64) {
        written(self.cbor.i64(value));
    }

    /// A non-negative integer, in its shortest form.
    pub(crate) fn uint(&mut self, value: u64) {
        written(self.cbor.u64(value));
    }

    /// A single-precision float.
    pub(crate) fn f32(&mut self, value: f32) {
        written(self.cbor.f32(value));
    }

    /// A double-precision float.
    pub(crate) fn f64(&mut self, value: f64) {
        written(self.cbor.f64(value));
    }

    /// `null`.
    pub(crate) fn null(&mut self) {
        written(self.cbor.null());
    }

    /// A tag, which applies to the value written next.
    pub(crate) fn tag(&mut self, tag: u64) {
        written(self.cbor.tag(::minicbor::data::Tag::new(tag)));
    }

    /// A member of a structure: its name, then its value.
    pub(crate) fn field<T: Encode + ?Sized>(&mut self, name: &str, value: &T) {
        self.str(name);
        value.encode(self);
    }
}

/// CBOR that could not be read: what was expected and at which byte, never the value found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Error {
    message: ::std::string::String,
}

impl Error {
    fn new(message: ::std::string::String) -> Self {
        Self { message }
    }
}

impl ::std::fmt::Display for Error {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl ::std::error::Error for Error {}

/// minicbor's error, in words that never hold the value found (its own messages quote integers
/// that overflow).
fn cbor_error(error: ::minicbor::decode::Error) -> Error {
    let problem = if error.is_end_of_input() {
        "the body ends inside a value"
    } else if error.is_type_mismatch() {
        "unexpected CBOR data"
    } else {
        "malformed CBOR"
    };
    match error.position() {
        Some(at) => Error::new(format!("{problem} at byte {at}")),
        None => Error::new(problem.to_owned()),
    }
}

/// The name of a kind of CBOR data item, for messages.
fn kind_name(kind: ::minicbor::data::Type) -> &'static str {
    use ::minicbor::data::Type;
    match kind {
        Type::Bool => "a boolean",
        Type::Null => "null",
        Type::Undefined => "undefined",
        Type::U8 | Type::U16 | Type::U32 | Type::U64 => "an unsigned integer",
        Type::I8 | Type::I16 | Type::I32 | Type::I64 | Type::Int => "a negative integer",
        Type::F16 | Type::F32 | Type::F64 => "a float",
        Type::Simple => "a simple value",
        Type::Bytes | Type::BytesIndef => "a byte string",
        Type::String | Type::StringIndef => "a text string",
        Type::Array | Type::ArrayIndef => "an array",
        Type::Map | Type::MapIndef => "a map",
        Type::Tag => "a tag",
        Type::Break => "a break",
        Type::Unknown(_) => "a reserved initial byte",
    }
}

/// Reads CBOR from a body.
pub(crate) struct Decoder<'b> {
    cbor: ::minicbor::Decoder<'b>,
    depth: usize,
}

impl<'b> Decoder<'b> {
    /// A reader at the start of `input`.
    pub(crate) fn new(input: &'b [u8]) -> Self {
        Self {
            cbor: ::minicbor::Decoder::new(input),
            depth: 0,
        }
    }

    /// An error at the current position.
    fn error(&self, problem: &str) -> Error {
        Error::new(format!("{problem} at byte {}", self.cbor.position()))
    }

    /// An error at the current position, saying what is wrong with the value just read.
    pub(crate) fn invalid(&self, problem: &str) -> Error {
        self.error(problem)
    }

    /// The error for a data item of the wrong kind.
    fn expected(&self, what: &str, found: ::minicbor::data::Type) -> Error {
        self.error(&format!("expected {what}, found {}", kind_name(found)))
    }

    /// The kind of the next data item.
    fn peek(&self) -> ::std::result::Result<::minicbor::data::Type, Error> {
        self.cbor.datatype().map_err(cbor_error)
    }

    /// Skips tags before the next data item, returning the last one: tags this protocol does not
    /// define are ignored, as RFC 8949 allows.
    fn tags(&mut self) -> ::std::result::Result<Option<u64>, Error> {
        let mut last = None;
        while self.peek()? == ::minicbor::data::Type::Tag {
            let tag = self.cbor.tag().map_err(cbor_error)?;
            last = Some(tag.as_u64());
        }
        Ok(last)
    }

    /// Reads a `null` (or `undefined`, which reads the same) if one comes next.
    pub(crate) fn null(&mut self) -> ::std::result::Result<bool, Error> {
        use ::minicbor::data::Type;
        let start = self.cbor.position();
        self.tags()?;
        match self.peek()? {
            Type::Null | Type::Undefined => {
                self.cbor.set_position(self.cbor.position() + 1);
                Ok(true)
            }
            _ => {
                self.cbor.set_position(start);
                Ok(false)
            }
        }
    }

    /// Reads a value of `T`.
    pub(crate) fn value<T: Decode>(&mut self) -> ::std::result::Result<T, Error> {
        T::decode(self)
    }

    /// Reads a member's value: `None` for `null`, which stands for an absent member.
    pub(crate) fn member<T: Decode>(&mut self) -> ::std::result::Result<Option<T>, Error> {
        if self.null()? {
            Ok(None)
        } else {
            T::decode(self).map(Some)
        }
    }

    /// Reads a text string, of definite or indefinite length.
    pub(crate) fn text(&mut self) -> ::std::result::Result<Cow<'b, str>, Error> {
        use ::minicbor::data::Type;
        self.tags()?;
        match self.peek()? {
            Type::String => self.cbor.str().map(Cow::Borrowed).map_err(cbor_error),
            Type::StringIndef => {
                let mut text = ::std::string::String::new();
                let chunks = self.cbor.str_iter().map_err(cbor_error)?;
                for chunk in chunks {
                    let chunk = chunk.map_err(cbor_error)?;
                    text.push_str(chunk);
                }
                Ok(Cow::Owned(text))
            }
            other => Err(self.expected("a text string", other)),
        }
    }

    /// Reads a byte string, of definite or indefinite length.
    pub(crate) fn bytes(&mut self) -> ::std::result::Result<Cow<'b, [u8]>, Error> {
        use ::minicbor::data::Type;
        self.tags()?;
        match self.peek()? {
            Type::Bytes => self.cbor.bytes().map(Cow::Borrowed).map_err(cbor_error),
            Type::BytesIndef => {
                let mut bytes = ::std::vec::Vec::new();
                let chunks = self.cbor.bytes_iter().map_err(cbor_error)?;
                for chunk in chunks {
                    let chunk = chunk.map_err(cbor_error)?;
                    bytes.extend_from_slice(chunk);
                }
                Ok(Cow::Owned(bytes))
            }
            other => Err(self.expected("a byte string", other)),
        }
    }

    /// Reads `true` or `false`.
    pub(crate) fn bool(&mut self) -> ::std::result::Result<bool, Error> {
        self.tags()?;
        match self.peek()? {
            ::minicbor::data::Type::Bool => self.cbor.bool().map_err(cbor_error),
            other => Err(self.expected("a boolean", other)),
        }
    }

    /// Reads an integer, of any width CBOR has (−2⁶⁴ to 2⁶⁴ − 1).
    pub(crate) fn integer(&mut self) -> ::std::result::Result<i128, Error> {
        use ::minicbor::data::Type;
        self.tags()?;
        match self.peek()? {
            Type::U8
            | Type::U16
            | Type::U32
            | Type::U64
            | Type::I8
            | Type::I16
            | Type::I32
            | Type::I64
            | Type::Int => self.cbor.int().map(i128::from).map_err(cbor_error),
            other => Err(self.expected("an integer", other)),
        }
    }

    /// Reads an integer that must fit in `T`, whose name `what` says in the error.
    fn integer_in<T: ::std::convert::TryFrom<i128>>(
        &mut self,
        what: &str,
    ) -> ::std::result::Result<T, Error> {
        let value = self.integer()?;
        T::try_from(value)
            .map_err(|_| self.error(&format!("expected an integer that fits in {what}")))
    }

    /// Reads a number as a double: floats of any width (half-precision included), and
    /// integers, which a service may send for a float that has no fraction.
    pub(crate) fn float(&mut self) -> ::std::result::Result<f64, Error> {
        use ::minicbor::data::Type;
        self.tags()?;
        match self.peek()? {
            Type::F16 => {
                let at = self.cbor.position();
                let bits = match self.cbor.input().get(at + 1..at + 3) {
                    Some(&[high, low]) => u16::from_be_bytes([high, low]),
                    _ => return Err(self.error("the body ends inside a value")),
                };
                self.cbor.set_position(at + 3);
                Ok(f16_to_f64(bits))
            }
            Type::F32 => self.cbor.f32().map(f64::from).map_err(cbor_error),
            Type::F64 => self.cbor.f64().map_err(cbor_error),
            Type::U8
            | Type::U16
            | Type::U32
            | Type::U64
            | Type::I8
            | Type::I16
            | Type::I32
            | Type::I64
            | Type::Int => self.integer().map(|value| value as f64),
            other => Err(self.expected("a number", other)),
        }
    }

    /// Enters a map or array, refusing to nest deeper than [`MAX_DEPTH`].
    fn enter(&mut self) -> ::std::result::Result<(), Error> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(&format!("maps and arrays nest deeper than {MAX_DEPTH}")));
        }
        self.depth += 1;
        Ok(())
    }

    /// Whether the next data item is the break that ends an indefinite map or array, which it
    /// then reads.
    fn at_break(&mut self) -> ::std::result::Result<bool, Error> {
        if self.peek()? == ::minicbor::data::Type::Break {
            self.cbor.set_position(self.cbor.position() + 1);
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Reads a map, calling `entry` for each entry to read its key and value.
    pub(crate) fn entries(
        &mut self,
        mut entry: impl FnMut(&mut Self) -> ::std::result::Result<(), Error>,
    ) -> ::std::result::Result<(), Error> {
        use ::minicbor::data::Type;
        self.tags()?;
        let kind = self.peek()?;
        if !matches!(kind, Type::Map | Type::MapIndef) {
            return Err(self.expected("a map", kind));
        }
        self.enter()?;
        match self.cbor.map().map_err(cbor_error)? {
            // Each entry reads at least one byte, so a length past the end of the body fails
            // there, without anything allocated for it.
            Some(len) => {
                for _ in 0..len {
                    entry(self)?;
                }
            }
            None => {
                while !self.at_break()? {
                    entry(self)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads a structure's map, calling `member` with each entry's name to read its value (or
    /// [`Decoder::skip`] it).
    pub(crate) fn map(
        &mut self,
        mut member: impl FnMut(&mut Self, &str) -> ::std::result::Result<(), Error>,
    ) -> ::std::result::Result<(), Error> {
        self.entries(|decoder| {
            let name = decoder.text()?;
            member(decoder, &name)
        })
    }

    /// Reads an array, calling `item` for each item.
    pub(crate) fn array(
        &mut self,
        mut item: impl FnMut(&mut Self) -> ::std::result::Result<(), Error>,
    ) -> ::std::result::Result<(), Error> {
        use ::minicbor::data::Type;
        self.tags()?;
        let kind = self.peek()?;
        if !matches!(kind, Type::Array | Type::ArrayIndef) {
            return Err(self.expected("an array", kind));
        }
        self.enter()?;
        match self.cbor.array().map_err(cbor_error)? {
            Some(len) => {
                for _ in 0..len {
                    item(self)?;
                }
            }
            None => {
                while !self.at_break()? {
                    item(self)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Skips the next value, however deeply it nests (minicbor skips without recursing).
    pub(crate) fn skip(&mut self) -> ::std::result::Result<(), Error> {
        // A break is not a value: skipping it would end the enclosing map or array early.
        if self.peek()? == ::minicbor::data::Type::Break {
            return Err(self.error("expected a value, found a break"));
        }
        self.cbor.skip().map_err(cbor_error)
    }

    /// Checks that the body holds nothing after the value read.
    pub(crate) fn finish(&self) -> ::std::result::Result<(), Error> {
        if self.cbor.position() < self.cbor.input().len() {
            return Err(self.error("unexpected data after the body's value"));
        }
        Ok(())
    }

    /// A capacity for a collection read from the body: never more than the bytes left, so a
    /// length a body claims cannot make the reader allocate more than the body's size.
    fn remaining(&self) -> usize {
        self.cbor.input().len().saturating_sub(self.cbor.position())
    }
}

/// A half-precision float (IEEE 754 binary16) as a double, exactly.
pub(crate) fn f16_to_f64(bits: u16) -> f64 {
    let sign = if bits & 0x8000 == 0 { 1.0 } else { -1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f64::from(bits & 0x3ff);
    match exponent {
        0 => sign * fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN,
        _ => sign * (1.0 + fraction / 1024.0) * 2f64.powi(exponent - 15),
    }
}

impl Encode for str {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.str(self);
    }
}

impl Encode for ::std::string::String {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.str(self);
    }
}

impl Decode for ::std::string::String {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        decoder.text().map(Cow::into_owned)
    }
}

impl Encode for bool {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.bool(*self);
    }
}

impl Decode for bool {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        decoder.bool()
    }
}

macro_rules! integer_codec {
    ($($t:ident),*) => {
        $(
            impl Encode for $t {
                fn encode(&self, encoder: &mut Encoder) {
                    encoder.int(i64::from(*self));
                }
            }

            impl Decode for $t {
                fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
                    decoder.integer_in(stringify!($t))
                }
            }
        )*
    };
}
integer_codec!(i8, i16, i32, i64);

impl Encode for f32 {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.f32(*self);
    }
}

impl Decode for f32 {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        decoder.float().map(|value| value as f32)
    }
}

impl Encode for f64 {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.f64(*self);
    }
}

impl Decode for f64 {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        decoder.float()
    }
}

impl Encode for crate::primitives::Blob {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.bytes(self.as_bytes());
    }
}

impl Decode for crate::primitives::Blob {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        decoder
            .bytes()
            .map(|bytes| crate::primitives::Blob::new(bytes.into_owned()))
    }
}

impl<T: Encode> Encode for ::std::vec::Vec<T> {
    fn encode(&self, encoder: &mut Encoder) {
        encoder.array(self.len());
        for item in self {
            item.encode(encoder);
        }
    }
}

impl<T: Decode> Decode for ::std::vec::Vec<T> {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        let mut items = ::std::vec::Vec::with_capacity(decoder.remaining().min(16));
        decoder.array(|decoder| {
            if let Some(item) = T::decode_item(decoder)? {
                items.push(item);
            }
            Ok(())
        })?;
        Ok(items)
    }
}

impl<K, V> Encode for ::std::collections::HashMap<K, V>
where
    K: Encode,
    V: Encode,
{
    fn encode(&self, encoder: &mut Encoder) {
        encoder.map(self.len());
        for (key, value) in self {
            key.encode(encoder);
            value.encode(encoder);
        }
    }
}

impl<K, V> Decode for ::std::collections::HashMap<K, V>
where
    K: Decode + ::std::cmp::Eq + ::std::hash::Hash,
    V: Decode,
{
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        let mut entries = ::std::collections::HashMap::new();
        decoder.entries(|decoder| {
            let key = K::decode(decoder)?;
            if let Some(value) = V::decode_item(decoder)? {
                entries.insert(key, value);
            }
            Ok(())
        })?;
        Ok(entries)
    }
}

/// The items of sparse lists and maps: `None` is `null`.
impl<T: Encode> Encode for Option<T> {
    fn encode(&self, encoder: &mut Encoder) {
        match self {
            Some(value) => value.encode(encoder),
            None => encoder.null(),
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        decoder.member()
    }

    fn decode_item(decoder: &mut Decoder<'_>) -> ::std::result::Result<Option<Self>, Error> {
        decoder.member().map(Some)
    }
}

impl<T: Encode + ?Sized> Encode for ::std::boxed::Box<T> {
    fn encode(&self, encoder: &mut Encoder) {
        (**self).encode(encoder);
    }
}

impl<T: Decode> Decode for ::std::boxed::Box<T> {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        T::decode(decoder).map(::std::boxed::Box::new)
    }

    fn decode_item(decoder: &mut Decoder<'_>) -> ::std::result::Result<Option<Self>, Error> {
        T::decode_item(decoder).map(|item| item.map(::std::boxed::Box::new))
    }
}

/// What an error response says about itself, under rpcv2Cbor: the error's shape name from the
/// body's `__type` (which holds its absolute shape id), its `message` (or `Message`), and the
/// request id. A body that is not a CBOR map yields neither code nor message: the error is then
/// known by its status alone, as the protocol asks of a malformed error response.
pub(crate) fn error_info(headers: &::http::HeaderMap, body: &[u8]) -> crate::http::ErrorInfo {
    let (mut code, mut message) = (None, None);
    let mut decoder = Decoder::new(body);
    let read = decoder.map(|decoder, name| {
        match name {
            "__type" => code = Some(decoder.value::<::std::string::String>()?),
            "message" | "Message" if message.is_none() => message = decoder.member()?,
            _ => decoder.skip()?,
        }
        Ok(())
    });
    if read.is_err() {
        (code, message) = (None, None);
    }
    crate::http::ErrorInfo {
        code: code.map(|code| crate::http::sanitize_error_code(&code).to_owned()),
        message,
        request_id: crate::http::request_id(headers),
    }
}

/// Arbitrary-precision integers as decimal text, for the big number pieces: the magnitude's
/// big-endian bytes (a bignum's byte string, RFC 8949 §3.4.3) to decimal digits and back.
mod bignum {
    /// Big numbers longer than this many bytes (about 2,400 digits) are refused when read: the
    /// conversion to decimal takes time quadratic in the length.
    pub(crate) const MAX_BYTES: usize = 1024;

    /// The decimal digits (no sign) of a big-endian magnitude.
    pub(crate) fn to_decimal(bytes: &[u8]) -> ::std::string::String {
        let mut magnitude: ::std::vec::Vec<u8> =
            bytes.iter().copied().skip_while(|b| *b == 0).collect();
        let mut digits = ::std::vec::Vec::new();
        while !magnitude.is_empty() {
            // Divide by ten, keeping the remainder as the next digit (least significant first).
            let mut remainder = 0u32;
            for byte in magnitude.iter_mut() {
                let value = (remainder << 8) | u32::from(*byte);
                *byte = (value / 10) as u8;
                remainder = value % 10;
            }
            digits.push(b'0' + remainder as u8);
            let leading = magnitude.iter().take_while(|b| **b == 0).count();
            magnitude.drain(..leading);
        }
        if digits.is_empty() {
            digits.push(b'0');
        }
        digits.iter().rev().map(|d| char::from(*d)).collect()
    }

    /// The big-endian magnitude of decimal `digits` (ASCII digits only), without leading zeros.
    pub(crate) fn from_decimal(digits: &str) -> ::std::vec::Vec<u8> {
        let mut magnitude: ::std::vec::Vec<u8> = ::std::vec::Vec::new();
        for digit in digits.bytes() {
            // Multiply by ten and add the digit, least significant byte last.
            let mut carry = u32::from(digit.wrapping_sub(b'0'));
            for byte in magnitude.iter_mut().rev() {
                let value = u32::from(*byte) * 10 + carry;
                *byte = value as u8;
                carry = value >> 8;
            }
            while carry > 0 {
                magnitude.insert(0, carry as u8);
                carry >>= 8;
            }
        }
        magnitude
    }

    /// Adds one to a big-endian magnitude.
    pub(crate) fn increment(magnitude: &mut ::std::vec::Vec<u8>) {
        for byte in magnitude.iter_mut().rev() {
            let (value, overflow) = byte.overflowing_add(1);
            *byte = value;
            if !overflow {
                return;
            }
        }
        magnitude.insert(0, 1);
    }

    /// Subtracts one from a big-endian magnitude that is not zero.
    pub(crate) fn decrement(magnitude: &mut ::std::vec::Vec<u8>) {
        for byte in magnitude.iter_mut().rev() {
            let (value, underflow) = byte.overflowing_sub(1);
            *byte = value;
            if !underflow {
                break;
            }
        }
        let leading = magnitude.iter().take_while(|b| **b == 0).count();
        magnitude.drain(..leading);
    }
}

/// Writes an integer given as an optional `-` and decimal digits: a bignum, tag 2 for values
/// from zero up and tag 3 (holding −1 − n) for negative ones.
fn encode_big_integer(encoder: &mut Encoder, text: &str) {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let mut magnitude = bignum::from_decimal(digits);
    let negative = negative && !magnitude.is_empty();
    if negative {
        bignum::decrement(&mut magnitude);
    }
    encoder.tag(if negative { 3 } else { 2 });
    encoder.bytes(&magnitude);
}

/// Reads an integer as decimal text: a bignum (tag 2 or 3) or a plain integer.
fn decode_big_integer(
    decoder: &mut Decoder<'_>,
) -> ::std::result::Result<::std::string::String, Error> {
    use ::minicbor::data::Type;
    let tag = decoder.tags()?;
    match (tag, decoder.peek()?) {
        (Some(tag @ (2 | 3)), Type::Bytes | Type::BytesIndef) => {
            let bytes = decoder.bytes()?;
            if bytes.len() > bignum::MAX_BYTES {
                return Err(
                    decoder.error(&format!("a bignum longer than {} bytes", bignum::MAX_BYTES))
                );
            }
            let mut magnitude = bytes.into_owned();
            if tag == 3 {
                bignum::increment(&mut magnitude);
                return Ok(format!("-{}", bignum::to_decimal(&magnitude)));
            }
            Ok(bignum::to_decimal(&magnitude))
        }
        (_, Type::Bytes | Type::BytesIndef) => Err(decoder.error("expected a bignum (tag 2 or 3)")),
        _ => decoder.integer().map(|value| value.to_string()),
    }
}

include!("cbor/byte_stream.rs");
include!("cbor/date_time.rs");
include!("cbor/document.rs");
include!("cbor/big_integer.rs");
include!("cbor/big_decimal.rs");
include!("cbor/event_stream.rs");

// A generated crate's `cbor` is the text of this file above the first `include!`, then the piece
// of each `primitives` piece it has that a body can hold, in this order. A piece uses this file's
// items and its own primitive type only.

// rustfmt does not follow `include!`; these declarations, never compiled, point it at the pieces.
#[cfg(any())]
#[path = "cbor/big_decimal.rs"]
mod big_decimal;
#[cfg(any())]
#[path = "cbor/big_integer.rs"]
mod big_integer;
#[cfg(any())]
#[path = "cbor/byte_stream.rs"]
mod byte_stream;
#[cfg(any())]
#[path = "cbor/date_time.rs"]
mod date_time;
#[cfg(any())]
#[path = "cbor/document.rs"]
mod document;
#[cfg(any())]
#[path = "cbor/event_stream.rs"]
mod event_stream;
