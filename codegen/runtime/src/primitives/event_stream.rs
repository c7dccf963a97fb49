/// The events of an event stream: a `@streaming` union member.
///
/// This crate describes the events; it does no I/O. The events are held in memory, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct EventStream<T> {
    events: ::std::vec::Vec<T>,
}

impl<T> EventStream<T> {
    /// A stream of `events`, in order.
    pub fn new(events: ::std::vec::Vec<T>) -> Self {
        Self { events }
    }

    /// The events, in order.
    pub fn events(&self) -> &[T] {
        &self.events
    }

    /// Adds an event at the end.
    pub fn push(&mut self, event: T) {
        self.events.push(event);
    }

    /// The events, taken out of the stream.
    pub fn into_events(self) -> ::std::vec::Vec<T> {
        self.events
    }
}

impl<T> ::std::default::Default for EventStream<T> {
    fn default() -> Self {
        Self {
            events: ::std::vec::Vec::new(),
        }
    }
}

/// Written as a list of the events, so a structure holding a stream can be saved whole.
#[cfg(feature = "serde")]
impl<T: ::serde::Serialize> ::serde::Serialize for EventStream<T> {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.events)
    }
}

#[cfg(feature = "serde")]
impl<'de, T: ::serde::Deserialize<'de>> ::serde::Deserialize<'de> for EventStream<T> {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        ::std::vec::Vec::deserialize(deserializer).map(EventStream::new)
    }
}
