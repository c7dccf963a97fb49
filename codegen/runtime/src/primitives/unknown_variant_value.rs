/// A string enum value the model does not list, as it was received.
///
/// Only this crate creates these, from values it receives or parses; use `Enum::from("…")` to get
/// an enum holding any string.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownVariantValue(::std::string::String);

impl UnknownVariantValue {
    pub(crate) fn new(value: ::std::string::String) -> Self {
        Self(value)
    }

    /// The value as it was received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl ::std::fmt::Display for UnknownVariantValue {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(&self.0)
    }
}
