//! A small deterministic random source for the property-style tests: every run checks the same
//! cases, so a failure can be reproduced, and no dependency is needed for it.

/// SplitMix64: a fast generator with good statistical quality for test inputs.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`.
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }

    /// A number in `low..=high`.
    pub(crate) fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = high.abs_diff(low) + 1;
        low.wrapping_add(self.below(span) as i64)
    }

    /// Up to `max_len` random bytes.
    pub(crate) fn bytes(&mut self, max_len: usize) -> Vec<u8> {
        let len = self.below(max_len as u64 + 1) as usize;
        (0..len).map(|_| self.next_u64() as u8).collect()
    }

    /// Up to `max_len` characters drawn from `alphabet`.
    pub(crate) fn text(&mut self, alphabet: &[char], max_len: usize) -> String {
        let len = self.below(max_len as u64 + 1) as usize;
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len() as u64) as usize])
            .collect()
    }
}

#[test]
fn between_stays_in_bounds() {
    let mut rng = Rng::new(1);
    for _ in 0..1000 {
        let value = rng.between(-3, 3);
        assert!((-3..=3).contains(&value), "{value}");
    }
    assert_eq!(Rng::new(7).next_u64(), Rng::new(7).next_u64());
}
