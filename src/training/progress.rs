//! The learner's progress, kept in this browser: for each authority, each question's Leitner box (missed
//! questions go back to the first box and are asked first next time), and the quiz under way. The same text is
//! the "Download my progress" file; a file that is not the site's is refused without touching what is saved.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What a progress file says it is.
pub const FORMAT: &str = "cin-procedure-explorer/training-progress";

/// The format's version.
pub const VERSION: u32 = 1;

/// The highest box: a question answered right this many times running.
pub const TOP_BOX: u8 = 4;

/// One answer given in a quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pick {
    /// The question's id.
    pub id: String,
    /// The choice picked, as it read.
    pub choice: String,
    /// Whether it was the right answer.
    pub right: bool,
}

/// A quiz under way: which questions, in which order, and the answers so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The authority.
    pub slug: String,
    /// For a quiz on what changes when moving from another authority: that authority.
    pub from: Option<String>,
    /// The seed that placed the questions and their choices.
    pub seed: u32,
    /// Whether the seed came from a session link (a room shares it).
    pub shared: bool,
    /// The questions' ids, in the order asked.
    pub order: Vec<String>,
    /// The answers, one per question answered.
    pub picks: Vec<Pick>,
    /// The question now shown (its index in `order`); `order.len()` once the summary shows.
    pub at: usize,
}

impl Session {
    /// Whether every question has been answered and the summary shows.
    pub fn finished(&self) -> bool {
        self.at >= self.order.len()
    }
}

/// Everything the training part keeps in this browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format's version.
    pub version: u32,
    /// For each authority, each question's box (0: missed last time; [`TOP_BOX`]: known).
    pub boxes: BTreeMap<String, BTreeMap<String, u8>>,
    /// How many quizzes have been started here (each gets a new seed).
    pub started: u32,
    /// The quiz under way, if any.
    pub session: Option<Session>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { format: FORMAT.to_owned(), version: VERSION, boxes: BTreeMap::new(), started: 0, session: None }
    }
}

/// Why a text is not progress this site can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl Progress {
    /// Reads saved progress or a progress file; empty text is no progress yet.
    pub fn read(text: &str) -> Result<Progress, Unreadable> {
        if text.trim().is_empty() {
            return Ok(Progress::default());
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| Unreadable("it is not a progress file (not JSON)".into()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(Unreadable("it is not this site's progress file".into()));
        }
        if value.get("version").and_then(|v| v.as_u64()) != Some(u64::from(VERSION)) {
            return Err(Unreadable("it was written by a version of this site that cannot be read here".into()));
        }
        let progress: Progress =
            serde_json::from_value(value).map_err(|e| Unreadable(format!("its contents cannot be read ({e})")))?;
        match progress.boxes.values().flat_map(|b| b.values()).any(|b| *b > TOP_BOX) {
            true => Err(Unreadable("it holds a box number this site does not use".into())),
            false => Ok(progress),
        }
    }

    /// The text to save, or to download.
    pub fn write(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A question's box, if it has been answered here.
    pub fn box_of(&self, slug: &str, id: &str) -> Option<u8> {
        self.boxes.get(slug).and_then(|b| b.get(id)).copied()
    }

    /// Records an answer: right moves the question up a box, wrong puts it back in the first.
    pub fn record(&mut self, slug: &str, id: &str, right: bool) {
        let boxes = self.boxes.entry(slug.to_owned()).or_default();
        let now = boxes.get(id).copied().unwrap_or(0);
        boxes.insert(id.to_owned(), if right { (now + 1).min(TOP_BOX) } else { 0 });
    }

    /// Of these question ids, how many were answered right the last time they were asked.
    pub fn known(&self, slug: &str, ids: &[&str]) -> usize {
        ids.iter().filter(|id| self.box_of(slug, id).is_some_and(|b| b > 0)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leitner_boxes_rise_when_right_and_fall_when_wrong() {
        let mut p = Progress::default();
        assert_eq!(p.box_of("north", "q1"), None);
        for _ in 0..6 {
            p.record("north", "q1", true);
        }
        assert_eq!(p.box_of("north", "q1"), Some(TOP_BOX));
        p.record("north", "q1", false);
        assert_eq!(p.box_of("north", "q1"), Some(0));
        p.record("north", "q2", true);
        assert_eq!(p.known("north", &["q1", "q2", "q3"]), 1);
        assert_eq!(p.known("south", &["q2"]), 0);
    }

    #[test]
    fn progress_round_trips_and_other_files_are_refused() {
        let mut p = Progress::default();
        p.record("north", "q1", true);
        p.session = Some(Session {
            slug: "north".into(),
            from: None,
            seed: 7,
            shared: false,
            order: vec!["q1".into()],
            picks: vec![Pick { id: "q1".into(), choice: "A".into(), right: true }],
            at: 0,
        });
        assert_eq!(Progress::read(&p.write()), Ok(p));
        assert_eq!(Progress::read(""), Ok(Progress::default()));
        for (text, why) in [
            ("{oops", "not JSON"),
            ("{\"boxes\":{}}", "not this site's"),
            ("[1,2]", "not this site's"),
            (&format!("{{\"format\":\"{FORMAT}\",\"version\":99}}"), "version"),
            (&format!("{{\"format\":\"{FORMAT}\",\"version\":1,\"boxes\":3}}"), "cannot be read"),
            (
                &format!("{{\"format\":\"{FORMAT}\",\"version\":1,\"boxes\":{{\"n\":{{\"q\":9}}}},\"started\":0,\"session\":null}}"),
                "box number",
            ),
        ] {
            let error = Progress::read(text).unwrap_err();
            assert!(error.0.contains(why), "{text}: {error:?}");
        }
    }
}
