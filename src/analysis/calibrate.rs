//! TODO(skeleton): module `calibrate` — being written.
