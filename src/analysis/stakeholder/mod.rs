//! TODO(skeleton): stakeholder scoring — being written.
