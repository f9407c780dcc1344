//! TODO(skeleton): module `solution` — being written.
