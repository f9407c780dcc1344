//! TODO(skeleton): module `truth_table` — being written.
