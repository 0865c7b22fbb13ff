//! The site's addresses ([`route::Route`]) and the pure page functions that answer them: given a route and the
//! loaded content, a page — title and [`crate::html::Html`] — with no browser involved.

pub mod route;
pub mod worker;
