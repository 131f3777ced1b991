//! Hash maps for the read-only lookup tables of the language data, keyed by short words: foldhash, which is several
//! times faster than SipHash on keys of a few bytes, with a fixed seed so that every run behaves the same. (No
//! DoS resistance is needed: the keys come from our data files; text is only probed against them.)

/// A `HashMap` with a fast, fixed-seed hasher.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
/// A `HashSet` with a fast, fixed-seed hasher.
pub(crate) type FastSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
