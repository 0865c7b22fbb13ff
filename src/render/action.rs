//! What a control on a page asks for, as the markup says it. A button or link carries `data-action` (and, for a
//! field to focus or a preference to turn, one more attribute); [`Action::attrs`] writes them and [`Action::read`]
//! reads them back, so the one handler in the shell and the pages that make the markup cannot disagree.

use crate::html;
use crate::html::Html;
use crate::prefs::Pref;

/// Something a control on a page asks the shell to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Load again what failed to load.
    Retry,
    /// Save the comparison in view as a CSV file.
    Csv,
    /// Save the case's deadlines as a calendar file.
    Ics,
    /// Open the browser's print dialogue.
    Print,
    /// Start the wizard again from its first question.
    Restart,
    /// Clear everything this site keeps in this browser.
    Forget,
    /// Save the learner's training progress as a file.
    SaveProgress,
    /// Move keyboard focus to the form field with this id (a link in an error summary).
    Focus(String),
    /// Turn a display preference on or off.
    Toggle(Pref),
    /// Copy the page's address to the clipboard, and say so.
    CopyLink,
    /// Tick (`true`) or untick every checkbox in the control's fieldset that is not hidden by a filter.
    TickAll(bool),
}

impl Action {
    /// The `data-action` value.
    fn name(&self) -> &'static str {
        match self {
            Action::Retry => "retry",
            Action::Csv => "csv",
            Action::Ics => "ics",
            Action::Print => "print",
            Action::Restart => "restart",
            Action::Forget => "forget",
            Action::SaveProgress => "save-progress",
            Action::Focus(_) => "focus",
            Action::Toggle(_) => "toggle",
            Action::CopyLink => "copy-link",
            Action::TickAll(true) => "select-all",
            Action::TickAll(false) => "clear-all",
        }
    }

    /// The attributes that say this action, with a leading space, to go inside an element's start tag.
    pub fn attrs(&self) -> Html {
        match self {
            Action::Focus(field) => html!(" data-action=\"{}\" data-field=\"{}\"", self.name(), field),
            Action::Toggle(pref) => html!(" data-action=\"{}\" data-pref=\"{}\"", self.name(), pref.id()),
            _ => html!(" data-action=\"{}\"", self.name()),
        }
    }

    /// Reads an action back from an element's `data-action` value and its other attributes (`attribute` gives
    /// one by name); `None` for a value this site does not make.
    pub fn read(action: &str, attribute: impl Fn(&str) -> Option<String>) -> Option<Action> {
        Some(match action {
            "retry" => Action::Retry,
            "csv" => Action::Csv,
            "ics" => Action::Ics,
            "print" => Action::Print,
            "restart" => Action::Restart,
            "forget" => Action::Forget,
            "save-progress" => Action::SaveProgress,
            "focus" => Action::Focus(attribute("data-field")?),
            "toggle" => Action::Toggle(Pref::from_id(&attribute("data-pref")?)?),
            "copy-link" => Action::CopyLink,
            "select-all" => Action::TickAll(true),
            "clear-all" => Action::TickAll(false),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The attributes of a start tag, as a browser would read them (values unescaped).
    fn attributes(markup: &str) -> Vec<(String, String)> {
        markup
            .split("\" ")
            .map(|pair| {
                let (name, value) = pair.trim().split_once("=\"").expect("name=\"value\"");
                let value = value.trim_end_matches('"').replace("&quot;", "\"").replace("&amp;", "&");
                (name.to_owned(), value.replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'"))
            })
            .collect()
    }

    #[test]
    fn every_action_reads_back_from_its_own_markup() {
        let all = [
            Action::Retry,
            Action::Csv,
            Action::Ics,
            Action::Print,
            Action::Restart,
            Action::Forget,
            Action::SaveProgress,
            Action::Focus("field-plan_\"><img>".into()),
            Action::Toggle(Pref::HighVisibility),
            Action::Toggle(Pref::LargeText),
            Action::CopyLink,
            Action::TickAll(true),
            Action::TickAll(false),
        ];
        for action in all {
            let markup = action.attrs().into_string();
            assert!(!markup.contains("<img"), "{markup}");
            let attrs = attributes(&markup);
            let get = |name: &str| attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
            let value = get("data-action").expect("data-action");
            assert_eq!(Action::read(&value, get), Some(action), "{markup}");
        }
    }

    #[test]
    fn unknown_or_incomplete_actions_are_refused() {
        assert_eq!(Action::read("delete-everything", |_| None), None);
        assert_eq!(Action::read("focus", |_| None), None);
        assert_eq!(Action::read("toggle", |_| Some("dark_mode".into())), None);
    }
}
