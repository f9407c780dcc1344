//! Charts: plain structs drawn by one function generic over plotters'
//! `DrawingBackend`, rendered to canvas in the app and to SVG natively.
