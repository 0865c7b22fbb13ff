//! Display preferences kept in the browser: high visibility and larger text.

use serde::{Deserialize, Serialize};

/// The key the preferences are stored under in localStorage.
pub const STORAGE_KEY: &str = "cin-explorer.display";

/// What every key this site stores in the browser starts with.
pub const STORAGE_PREFIX: &str = "cin-explorer.";

/// The reader's display preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Black on yellow with heavier outlines.
    pub high_visibility: bool,
    /// Larger base text.
    pub large_text: bool,
}

/// One display preference, as a control names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pref {
    /// Black on yellow with heavier outlines.
    HighVisibility,
    /// Larger base text.
    LargeText,
}

impl Pref {
    /// Every preference, in the order the header shows them.
    pub const ALL: [Pref; 2] = [Pref::HighVisibility, Pref::LargeText];

    /// The name a control carries.
    pub fn id(self) -> &'static str {
        match self {
            Pref::HighVisibility => "high_visibility",
            Pref::LargeText => "large_text",
        }
    }

    /// The preference a control names, if it is one.
    pub fn from_id(id: &str) -> Option<Pref> {
        Pref::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The control's label.
    pub fn label(self) -> &'static str {
        match self {
            Pref::HighVisibility => "High visibility",
            Pref::LargeText => "Larger text",
        }
    }
}

impl Prefs {
    /// Whether a preference is on.
    pub fn is_on(self, pref: Pref) -> bool {
        match pref {
            Pref::HighVisibility => self.high_visibility,
            Pref::LargeText => self.large_text,
        }
    }

    /// The same preferences with one turned over.
    pub fn toggled(mut self, pref: Pref) -> Self {
        match pref {
            Pref::HighVisibility => self.high_visibility = !self.high_visibility,
            Pref::LargeText => self.large_text = !self.large_text,
        }
        self
    }

    /// Reads stored preferences; anything missing or corrupt gives the defaults.
    pub fn from_stored(text: Option<&str>) -> Self {
        text.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()
    }

    /// The text to store.
    pub fn to_stored(self) -> String {
        serde_json::to_string(&self).unwrap_or_default()
    }

    /// The classes to put on the `<html>` element, with whether each is on.
    pub fn classes(self) -> [(&'static str, bool); 2] {
        [("high-visibility", self.high_visibility), ("large-text", self.large_text)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_up_script_puts_on_the_same_classes_from_the_same_key_before_the_first_paint() {
        let boot = include_str!("../static/boot.js");
        assert!(boot.contains(&format!("getItem(\"{STORAGE_KEY}\")")), "boot.js reads {STORAGE_KEY}");
        let on = Prefs { high_visibility: true, large_text: true };
        let stored: serde_json::Value = serde_json::from_str(&on.to_stored()).unwrap();
        for (field, (class, _)) in stored.as_object().unwrap().keys().zip(on.classes()) {
            assert!(boot.contains(&format!("display.{field} === true")), "boot.js reads {field}");
            assert!(boot.contains(&format!("\" {class}\"")), "boot.js adds {class}");
        }
    }

    #[test]
    fn round_trips_and_survives_corruption() {
        let on = Prefs { high_visibility: true, large_text: false };
        assert_eq!(Prefs::from_stored(Some(&on.to_stored())), on);
        assert_eq!(Prefs::from_stored(Some("{not json")), Prefs::default());
        assert_eq!(Prefs::from_stored(Some("[1,2]")), Prefs::default());
        assert_eq!(Prefs::from_stored(None), Prefs::default());
        assert_eq!(
            Prefs::from_stored(Some("{\"large_text\":true}")),
            Prefs { high_visibility: false, large_text: true }
        );
    }

    #[test]
    fn toggling_turns_over_one_preference_only() {
        let p = Prefs::default().toggled(Pref::LargeText);
        assert!(p.is_on(Pref::LargeText) && !p.is_on(Pref::HighVisibility));
        assert_eq!(p.toggled(Pref::LargeText), Prefs::default());
        assert_eq!(Pref::from_id("high_visibility"), Some(Pref::HighVisibility));
        assert_eq!(Pref::from_id("dark"), None);
    }

    #[test]
    fn classes_follow_the_flags() {
        let p = Prefs { high_visibility: false, large_text: true };
        assert_eq!(p.classes(), [("high-visibility", false), ("large-text", true)]);
    }
}
