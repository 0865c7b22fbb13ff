//! End-to-end tests: the built site (`dist/`, `target/dist-sub/` built for a sub-path, and `target/dist-150/` with 150
//! generated authorities) served on 127.0.0.1 by a small server started by each test, and driven in headless Chromium through chromedriver. One binary, one module
//! per part of the site; `cargo test --test e2e MODULE::` runs one of them.

mod support;

mod compare;
mod deadlines;
mod faults;
mod hosting;
mod injection;
mod offline;
mod reading;
mod scale;
mod search;
mod site;
mod training;
mod trust;
mod wizard;
mod written;
