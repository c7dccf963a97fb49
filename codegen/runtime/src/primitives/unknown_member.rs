/// A union member the model does not list, as it was received: its name and its value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnknownMember {
    name: ::std::string::String,
    value: Document,
}

impl UnknownMember {
    /// Only this crate creates these, when it reads a member it does not know.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn new(name: ::std::string::String, value: Document) -> Self {
        Self { name, value }
    }

    /// The member's name on the wire.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The member's value.
    pub fn value(&self) -> &Document {
        &self.value
    }
}
