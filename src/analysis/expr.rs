//! TODO(skeleton): module `expr` — being written.
