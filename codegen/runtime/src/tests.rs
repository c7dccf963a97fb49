//! What each module promises, tested here rather than in the files generated crates copy.

mod piece_sets;
