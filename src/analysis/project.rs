//! TODO(skeleton): module `project` — being written.
