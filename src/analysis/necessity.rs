//! TODO(skeleton): module `necessity` — being written.
