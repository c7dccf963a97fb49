/// An event stream in a body is an array of its events, as in the `serde` form: the protocol's
/// event framing (`application/vnd.amazon.eventstream`) is the transport's concern.
impl<T: Encode> Encode for crate::primitives::EventStream<T> {
    fn encode(&self, encoder: &mut Encoder) {
        let events = self.events();
        encoder.array(events.len());
        for event in events {
            event.encode(encoder);
        }
    }
}

impl<T: Decode> Decode for crate::primitives::EventStream<T> {
    fn decode(decoder: &mut Decoder<'_>) -> ::std::result::Result<Self, Error> {
        ::std::vec::Vec::<T>::decode(decoder).map(crate::primitives::EventStream::new)
    }
}
