/// An integer enum value the model does not list, as it was received.
///
/// Only this crate creates these; use `Enum::from(…)` to get an enum holding any integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownIntVariantValue(i32);

impl UnknownIntVariantValue {
    pub(crate) fn new(value: i32) -> Self {
        Self(value)
    }

    /// The value as it was received.
    pub fn value(&self) -> i32 {
        self.0
    }
}

impl ::std::fmt::Display for UnknownIntVariantValue {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}
