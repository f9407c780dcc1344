//! TODO(skeleton): module `fit` — being written.
