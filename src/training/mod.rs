//! Training: quizzes made from the typed rules, worked cases whose answers the timeline and wizard engines
//! compute, and the learner's progress. Plain Rust: the pages are made from it in the background worker.

pub mod cases;
pub mod progress;
pub mod quiz;
pub mod session;
