//! Small types the generated types are made of.
