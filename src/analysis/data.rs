//! TODO(skeleton): module `data` — being written.
