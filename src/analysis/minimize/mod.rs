//! TODO(skeleton): Boolean minimization — being written.
