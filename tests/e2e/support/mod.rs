//! End-to-end support: the content helpers shared with the other test binaries (`tests/support/`), a static
//! server for the built site, a headless browser, and the facts expected of particular authorities.

#![allow(dead_code)]

pub mod browser;
pub mod server;

#[path = "../../support/mod.rs"]
mod content;

pub use content::*;

use browser::Browser;
use server::Server;

/// Starts the server for `dist/` and a browser; `None` when the browser is missing outside CI.
pub async fn setup() -> Option<(Server, Browser)> {
    let server = Server::start(built("dist"), "");
    let browser = Browser::start().await?;
    Some((server, browser))
}

/// The slugs of `content/authorities.json`, in display order.
pub fn slugs() -> Vec<String> {
    content().into_iter().map(|(a, _)| a.slug).collect()
}
