//! Rekindle: a private practice app for couples, running entirely in the browser.

pub mod content;
pub mod domain;
pub mod storage;
pub mod ui;
