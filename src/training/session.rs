//! A quiz as it is taken: which questions, in which order (a session link's seed gives a whole room the same
//! ones; otherwise questions missed last time come first), the answer checked, the next question, the summary.
//! Every step reads and writes the learner's [`Progress`], so a reload resumes where the learner was.

use super::progress::{Pick, Progress, Session};
use super::quiz::{hash, mix, Question};

/// How many questions a quiz asks (fewer when the authority has fewer).
pub const LENGTH: usize = 10;

/// Which quiz a page is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    /// The authority.
    pub slug: String,
    /// For a quiz on what changes when moving from another authority: that authority.
    pub from: Option<String>,
    /// A session link's seed.
    pub seed: Option<u32>,
}

/// What the learner did on the quiz page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Act {
    /// Only opened or reloaded the page.
    Look,
    /// "Check answer" on a question, with the index of the choice picked, if any.
    Check {
        /// The question's id, as the form carried it.
        question: String,
        /// The choice picked, by its place on the page.
        choice: Option<usize>,
    },
    /// "Next question".
    Next,
    /// "Start a new quiz".
    Again,
}

/// What the quiz page shows now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shows {
    /// A question to answer (its index in the session), with an error if "Check answer" had no choice.
    Question {
        /// The question's place in the session.
        index: usize,
        /// "Select an answer", after a check with no choice.
        error: Option<&'static str>,
    },
    /// The feedback on the answer just given to the question at `index`.
    Feedback {
        /// The question's place in the session.
        index: usize,
    },
    /// Every question answered.
    Summary,
    /// There are no questions for this quiz.
    Empty,
}

/// Where a question with this box comes in a new quiz: missed ones first, then new ones, then the known.
fn rank(progress: &Progress, slug: &str, id: &str) -> u8 {
    match progress.box_of(slug, id) {
        Some(0) => 0,
        None => 1,
        Some(b) => b + 1,
    }
}

/// Starts a quiz from `pool` (the questions it may ask) and makes it the one under way.
fn start(progress: &mut Progress, pool: &[Question], quiz: &Quiz) {
    let seed = quiz.seed.unwrap_or_else(|| (mix(u64::from(progress.started) ^ hash(&quiz.slug)) >> 33) as u32);
    progress.started = progress.started.wrapping_add(1);
    let place = |id: &str| mix(u64::from(seed) ^ hash(id));
    let mut order: Vec<&Question> = pool.iter().collect();
    match quiz.seed {
        Some(_) => order.sort_by_key(|q| place(&q.id)),
        None => order.sort_by_key(|q| (rank(progress, &quiz.slug, &q.id), place(&q.id))),
    }
    progress.session = Some(Session {
        slug: quiz.slug.clone(),
        from: quiz.from.clone(),
        seed,
        shared: quiz.seed.is_some(),
        order: order.iter().take(LENGTH).map(|q| q.id.clone()).collect(),
        picks: Vec::new(),
        at: 0,
    });
}

/// Whether the session under way is this quiz, and can still be asked from `pool`.
fn resumes(session: &Session, pool: &[Question], quiz: &Quiz) -> bool {
    session.slug == quiz.slug
        && session.from == quiz.from
        && quiz.seed.is_none_or(|seed| session.shared && session.seed == seed)
        && session.order.iter().all(|id| pool.iter().any(|q| &q.id == id))
}

/// The question of the session at `index`.
pub fn asked<'a>(session: &Session, pool: &'a [Question], index: usize) -> Option<&'a Question> {
    let id = session.order.get(index)?;
    pool.iter().find(|q| &q.id == id)
}

/// Takes one step of `quiz`: resumes the session under way (or starts one), does what the learner did, records
/// an answer in the progress, and says what the page shows.
pub fn step(progress: &mut Progress, pool: &[Question], quiz: &Quiz, act: &Act) -> Shows {
    if pool.is_empty() {
        return Shows::Empty;
    }
    let fresh = !progress.session.as_ref().is_some_and(|s| resumes(s, pool, quiz));
    if fresh || *act == Act::Again {
        start(progress, pool, quiz);
    }
    let Some(mut session) = progress.session.take() else { return Shows::Empty };
    let mut error = None;
    match act {
        Act::Check { question, choice } if !session.finished() && session.picks.len() == session.at => {
            match (asked(&session, pool, session.at), choice) {
                (Some(q), _) if &q.id != question => {}
                (Some(_), None) => error = Some("Select an answer"),
                (Some(q), Some(i)) => {
                    if let Some(picked) = q.choices(u64::from(session.seed)).get(*i) {
                        let right = *picked == q.right;
                        progress.record(&quiz.slug, &q.id, right);
                        session.picks.push(Pick { id: q.id.clone(), choice: picked.clone(), right });
                    }
                }
                (None, _) => {}
            }
        }
        Act::Next if session.picks.len() > session.at => session.at += 1,
        _ => {}
    }
    let shows = match (session.finished(), session.picks.len() > session.at) {
        (true, _) => Shows::Summary,
        (false, true) => Shows::Feedback { index: session.at },
        (false, false) => Shows::Question { index: session.at, error },
    };
    progress.session = Some(session);
    shows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(n: usize) -> Vec<Question> {
        (0..n)
            .map(|i| Question {
                id: format!("q{i}"),
                topic: format!("t{i}"),
                group: "reviews".into(),
                prompt: format!("Question {i}?"),
                right: format!("Right {i}"),
                wrong: vec![format!("Wrong {i}"), "The procedure does not say".into()],
                rule: String::new(),
                readings: Vec::new(),
                cites: Vec::new(),
                elsewhere: String::new(),
            })
            .collect()
    }

    fn quiz(seed: Option<u32>) -> Quiz {
        Quiz { slug: "north".into(), from: None, seed }
    }

    /// Answers the question shown, rightly or not, and moves on.
    fn answer(progress: &mut Progress, pool: &[Question], q: &Quiz, right: bool) {
        let session = progress.session.clone().unwrap();
        let question = asked(&session, pool, session.at).unwrap();
        let choices = question.choices(u64::from(session.seed));
        let i = choices.iter().position(|c| (*c == question.right) == right).unwrap();
        let act = Act::Check { question: question.id.clone(), choice: Some(i) };
        assert_eq!(step(progress, pool, q, &act), Shows::Feedback { index: session.at });
        step(progress, pool, q, &Act::Next);
    }

    #[test]
    fn the_same_seed_gives_the_same_quiz() {
        let pool = pool(25);
        let (mut a, mut b) = (Progress::default(), Progress::default());
        b.record("north", "q3", false);
        step(&mut a, &pool, &quiz(Some(42)), &Act::Look);
        step(&mut b, &pool, &quiz(Some(42)), &Act::Look);
        let (sa, sb) = (a.session.unwrap(), b.session.unwrap());
        assert_eq!(sa.order, sb.order);
        assert_eq!(sa.order.len(), LENGTH);
        let choices = |s: &Session| asked(s, &pool, 0).unwrap().choices(u64::from(s.seed));
        assert_eq!(choices(&sa), choices(&sb));
        let mut c = Progress::default();
        step(&mut c, &pool, &quiz(Some(43)), &Act::Look);
        assert_ne!(c.session.unwrap().order, sa.order, "another seed, another quiz");
    }

    #[test]
    fn a_quiz_checks_records_resumes_and_ends_with_a_summary() {
        let pool = pool(4);
        let q = quiz(None);
        let mut progress = Progress::default();
        assert_eq!(step(&mut progress, &pool, &q, &Act::Look), Shows::Question { index: 0, error: None });
        let first = progress.session.clone().unwrap().order[0].clone();
        let none = Act::Check { question: first.clone(), choice: None };
        assert_eq!(
            step(&mut progress, &pool, &q, &none),
            Shows::Question { index: 0, error: Some("Select an answer") }
        );
        answer(&mut progress, &pool, &q, false);
        // A reload resumes at the next question; checking the old one again changes nothing.
        let saved = Progress::read(&progress.write()).unwrap();
        let mut reloaded = saved.clone();
        assert_eq!(step(&mut reloaded, &pool, &q, &Act::Look), Shows::Question { index: 1, error: None });
        let stale = Act::Check { question: first.clone(), choice: Some(0) };
        step(&mut reloaded, &pool, &q, &stale);
        assert_eq!(reloaded.session.as_ref().unwrap().picks.len(), 1);
        for _ in 1..4 {
            answer(&mut reloaded, &pool, &q, true);
        }
        assert_eq!(step(&mut reloaded, &pool, &q, &Act::Look), Shows::Summary);
        let picks = &reloaded.session.as_ref().unwrap().picks;
        assert_eq!(picks.iter().filter(|p| !p.right).count(), 1);
        assert_eq!(reloaded.box_of("north", &first), Some(0));
        // The next quiz asks the missed question first.
        step(&mut reloaded, &pool, &q, &Act::Again);
        assert_eq!(reloaded.session.unwrap().order[0], first);
    }

    #[test]
    fn a_session_link_starts_its_own_quiz_and_content_changes_start_afresh() {
        let pool = pool(12);
        let mut progress = Progress::default();
        step(&mut progress, &pool, &quiz(None), &Act::Look);
        let own = progress.session.clone().unwrap();
        step(&mut progress, &pool, &quiz(Some(5)), &Act::Look);
        let room = progress.session.clone().unwrap();
        assert!(room.shared && room.seed == 5 && room.order != own.order);
        assert_eq!(
            step(&mut progress, &pool[..3], &quiz(Some(5)), &Act::Look),
            Shows::Question { index: 0, error: None }
        );
        assert!(progress.session.unwrap().order.len() == 3, "questions gone from the content: a fresh quiz");
        assert_eq!(step(&mut Progress::default(), &[], &quiz(None), &Act::Look), Shows::Empty);
    }
}
