//! The training pages as HTML: `/train` with progress by authority and topic group, a quiz question (GOV.UK style:
//! the question is the page's heading, radios, "Check answer"), the feedback on an answer, the summary, the quiz on
//! paper with its answer sheet, and the trainer's handout.

use super::action::Action;
use super::authority::section_href;
use super::deadlines::date_parts_html;
use super::frame::error_summary_html;
use crate::compare::Library;
use crate::html;
use crate::html::Html;
use crate::model::{describe_when, group_label, AuthorityData, Status, GROUPS};
use crate::pages::route::Route;
use crate::timeline::DateParts;
use crate::training::cases::{
    check_date, check_outcome, Answer as CaseAnswer, Ask, Expected, OutcomeChoice, Question as CaseQuestion, WorkedCase,
};
use crate::training::progress::Progress;
use crate::training::quiz::{bank, in_words, Question, NOT_SAID};
use crate::training::session::{asked, Shows};

/// Something a training page says above its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// What was done, or what was found and put right.
    Notice(String),
    /// What could not be done (shown as an error summary).
    Error(String),
}

fn said_html(said: &[Said]) -> Html {
    let errors: Vec<(String, &str)> = said
        .iter()
        .filter_map(|s| match s {
            Said::Error(e) => Some(("progress-file".to_owned(), e.as_str())),
            Said::Notice(_) => None,
        })
        .collect();
    let notices: Html = said
        .iter()
        .filter_map(|s| match s {
            Said::Notice(n) => Some(html!("<p class=\"notice\" role=\"status\">{}</p>", n)),
            Said::Error(_) => None,
        })
        .collect();
    html!("{}{}", error_summary_html(&errors), notices)
}

fn breadcrumb(book: &AuthorityData, here: &str) -> Html {
    html!(
        "<p class=\"breadcrumb\"><a href=\"{}\">Training</a> › <a href=\"{}\">{}</a> › {}</p>",
        Route::Train.href(),
        Route::Authority { slug: book.authority.slug.clone() }.href(),
        book.authority.short_name,
        here
    )
}

/// Links to the sections a question's rule cites.
fn section_links(book: &AuthorityData, cites: &[String]) -> Html {
    let links: Vec<Html> = cites
        .iter()
        .filter_map(|id| book.authority.sections.iter().find(|s| &s.id == id))
        .map(|s| html!("<a href=\"{}\">{}</a>", section_href(&book.authority.slug, &s.id), s.numbered_title()))
        .collect();
    Html::join(links, "; ")
}

/// Each group's questions known (right last time) and asked, in display order, for groups with questions.
fn by_group(questions: &[Question]) -> Vec<(&'static str, Vec<&Question>)> {
    GROUPS
        .iter()
        .map(|(id, label)| (*label, questions.iter().filter(|q| q.group == *id).collect::<Vec<_>>()))
        .filter(|(_, qs)| !qs.is_empty())
        .collect()
}

/// `/train`: each authority's training and the learner's progress, and the progress controls.
pub fn home_html(library: &Library, progress: &Progress, said: &[Said]) -> Html {
    let mut out = html!(
        "<h1>Training</h1>{}<p class=\"lead\">Practise each authority's procedure with questions made from its \
         rules, and see what changes when you move from one authority to another. Your progress stays in this \
         browser.</p>",
        said_html(said)
    );
    let banks: Vec<(&AuthorityData, Vec<Question>)> =
        library.books.iter().map(|b| (b, bank(library, &b.authority.slug))).collect();
    let known = |book: &AuthorityData, qs: &[&Question]| {
        let ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
        html!("{} of {}", progress.known(&book.authority.slug, &ids), ids.len())
    };
    let rows: Html = banks
        .iter()
        .map(|(book, questions)| {
            let slug = &book.authority.slug;
            let all: Vec<&Question> = questions.iter().collect();
            let others: Vec<Html> = library
                .books
                .iter()
                .filter(|o| o.authority.slug != *slug)
                .map(|o| {
                    let from = Route::Quiz { slug: slug.clone(), from: Some(o.authority.slug.clone()), seed: None };
                    html!("<a href=\"{}\">{}</a>", from.href(), o.authority.short_name)
                })
                .collect();
            html!(
                "<tr><th scope=\"row\">{name}</th><td>{known}</td><td><ul class=\"train-links\"><li><a \
                 href=\"{quiz}\">Quiz</a></li><li><a href=\"{cases}\">Worked cases</a></li><li><a href=\"{handout}\">Handout</a></li><li><a \
                 href=\"{sheet}\">Quiz to print</a></li></ul><p class=\"moving\">Moving here \
                 from: {others}</p></td></tr>",
                name = book.authority.name,
                known = known(book, &all),
                quiz = Route::Quiz { slug: slug.clone(), from: None, seed: None }.href(),
                cases = Route::Cases { slug: slug.clone(), case: None }.href(),
                handout = Route::Handout { slug: slug.clone() }.href(),
                sheet = Route::QuizSheet { slug: slug.clone(), seed: 1 }.href(),
                others = Html::join(others, ", ")
            )
        })
        .collect();
    let heads: Html = banks.iter().map(|(b, _)| html!("<th scope=\"col\">{}</th>", b.authority.short_name)).collect();
    let groups: Html = GROUPS
        .iter()
        .map(|(id, label)| {
            let cells: Html = banks
                .iter()
                .map(|(book, questions)| {
                    let in_group: Vec<&Question> = questions.iter().filter(|q| q.group == *id).collect();
                    match in_group.is_empty() {
                        true => html!("<td>–</td>"),
                        false => html!("<td>{}</td>", known(book, &in_group)),
                    }
                })
                .collect();
            html!("<tr><th scope=\"row\">{}</th>{}</tr>", *label, cells)
        })
        .collect();
    out.push(html!(
        "<table class=\"progress-table train-table\"><caption>Each authority's training, and the questions you \
         answered right the last time they were asked</caption><thead><tr><th scope=\"col\">Authority</th><th \
         scope=\"col\">Right last time</th><th scope=\"col\">Practise</th></tr></thead><tbody>{}</tbody></table>\
         <details class=\"by-group\"><summary>Progress by topic group</summary><div class=\"table-scroll\"><table \
         class=\"progress-table\"><thead><tr><th scope=\"col\">Topic group</th>{}</tr></thead><tbody>{}</tbody>\
         </table></div></details>",
        rows,
        heads,
        groups
    ));
    let has_error = said.iter().any(|s| matches!(s, Said::Error(_)));
    out.push(html!(
        "<section class=\"progress-controls\" aria-labelledby=\"progress-heading\"><h2 id=\"progress-heading\">Your \
         progress</h2><p>It is kept in this browser only. Download it to carry it to another computer, and load it \
         there.</p><p><button type=\"button\" class=\"button secondary\"{save}>Download my progress</button></p>\
         <form class=\"load-progress{error}\" novalidate><input type=\"hidden\" name=\"act\" value=\"load\">\
         <div class=\"field\" id=\"progress-file-group\"><label for=\"progress-file\">A progress file you \
         downloaded</label><input type=\"file\" id=\"progress-file\" name=\"file\" accept=\".json,application/json\">\
         </div><button type=\"submit\" class=\"button secondary\">Load progress</button></form>\
         <form class=\"clear-progress\"><input type=\"hidden\" name=\"act\" value=\"clear\"><button type=\"submit\" \
         class=\"button warning\">Clear my progress</button></form></section>",
        save = Action::SaveProgress.attrs(),
        error = if has_error { " has-error" } else { "" }
    ));
    out
}

fn question_form(book: &AuthorityData, q: &Question, choices: &[String], error: Option<&str>) -> Html {
    let radios: Html = choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let id = if i == 0 { "answer".to_owned() } else { format!("answer-{i}") };
            html!(
                "<div class=\"radio\"><input type=\"radio\" id=\"{id}\" name=\"answer\" value=\"{i}\"><label \
                 for=\"{id}\">{c}</label></div>",
                id = id,
                i = i,
                c = c
            )
        })
        .collect();
    let message =
        error.map(|e| html!("<p class=\"field-error\"><span class=\"visually-hidden\">Error: </span>{}</p>", e));
    html!(
        "{summary}<form class=\"wizard-question quiz-question{err}\" data-question-topic=\"{topic}\" novalidate><input type=\"hidden\" \
         name=\"act\" value=\"check\"><input type=\"hidden\" name=\"question\" value=\"{id}\"><fieldset \
         aria-describedby=\"question-hint\"><legend><h1>{prompt}</h1></legend><p class=\"hint\" \
         id=\"question-hint\">Under {name}'s procedure. Choose one answer.</p>{message}<div class=\"radios\">{radios}\
         </div></fieldset><button type=\"submit\" class=\"button\">Check answer</button></form>",
        summary = error_summary_html(&error.map(|e| vec![("answer".to_owned(), e)]).unwrap_or_default()),
        err = if error.is_some() { " has-error" } else { "" },
        topic = q.topic,
        id = q.id,
        prompt = q.prompt,
        name = book.authority.short_name,
        message = message.unwrap_or_default(),
        radios = radios
    )
}

fn feedback(book: &AuthorityData, q: &Question, picked: &str, right: bool, last: bool) -> Html {
    let verdict = if right { "right" } else { "wrong" };
    let you = match right {
        true => Html::new(),
        false => html!("<p>You answered: {}</p>", picked),
    };
    let cited = match q.cites.is_empty() {
        true => Html::new(),
        false => html!(" Read it in {}.", section_links(book, &q.cites)),
    };
    let readings = match q.readings.is_empty() {
        true => Html::new(),
        false => {
            let items: Html = q.readings.iter().map(|r| html!("<li>{}</li>", r)).collect();
            html!("<p>The readings:</p><ul class=\"readings\">{}</ul>", items)
        }
    };
    let elsewhere = match q.elsewhere.is_empty() {
        true => Html::new(),
        false => html!("<p class=\"elsewhere\"><strong>Elsewhere:</strong> {}</p>", q.elsewhere),
    };
    html!(
        "<h1>{prompt}</h1><div id=\"feedback\" class=\"feedback {verdict}\" data-verdict=\"{verdict}\" \
         data-question-topic=\"{topic}\" tabindex=\"-1\"><h2>{heading}</h2>{you}<p class=\"right-answer\">The answer: \
         <strong>{answer}</strong></p>{readings}<p>{rule}{cited}</p>{elsewhere}</div><form><input type=\"hidden\" name=\"act\" \
         value=\"next\"><button type=\"submit\" class=\"button\">{next}</button></form>",
        prompt = q.prompt,
        verdict = verdict,
        topic = q.topic,
        heading = if right { "Right" } else { "Not quite" },
        you = you,
        answer = q.right,
        readings = readings,
        rule = q.rule,
        cited = cited,
        elsewhere = elsewhere,
        next = if last { "See your results" } else { "Next question" }
    )
}

fn summary(book: &AuthorityData, pool: &[Question], progress: &Progress) -> Html {
    let Some(session) = progress.session.as_ref() else { return Html::new() };
    let asked: Vec<Question> =
        session.order.iter().filter_map(|id| pool.iter().find(|q| &q.id == id).cloned()).collect();
    let right = |q: &Question| session.picks.iter().any(|p| p.id == q.id && p.right);
    let rows: Html = by_group(&asked)
        .into_iter()
        .map(|(label, qs)| {
            let got = qs.iter().filter(|q| right(q)).count();
            html!("<tr><th scope=\"row\">{}</th><td>{} of {}</td></tr>", label, got, qs.len())
        })
        .collect();
    let missed: Html = asked
        .iter()
        .filter(|q| !right(q))
        .map(|q| {
            html!(
                "<li data-question-topic=\"{}\"><p class=\"missed-question\">{}</p><p>The answer: <strong>{}</strong>. {}</p></li>",
                q.topic,
                q.prompt,
                q.right,
                section_links(book, &q.cites)
            )
        })
        .collect();
    let missed = match missed.is_empty() {
        true => html!("<p>None: every answer was right.</p>"),
        false => html!("<ul class=\"missed\">{}</ul><p>These come first in your next quiz.</p>", missed),
    };
    let got = asked.iter().filter(|q| right(q)).count();
    html!(
        "<h1>Your results</h1><p class=\"lead\">You answered {got} of {total} questions right.</p><table \
         class=\"progress-table\"><caption>By topic group</caption><thead><tr><th scope=\"col\">Topic group</th><th \
         scope=\"col\">Right</th></tr></thead><tbody>{rows}</tbody></table><h2>Questions to look at again</h2>{missed}\
         <form><input type=\"hidden\" name=\"act\" value=\"again\"><button type=\"submit\" class=\"button\">Start a new \
         quiz</button></form><p><a href=\"{train}\">All training</a></p>",
        train = Route::Train.href(),
        got = got,
        total = asked.len(),
        rows = rows,
        missed = missed
    )
}

/// A quiz page for what [`Shows`] says: the question, the feedback, the summary, or that there is nothing to ask.
pub fn quiz_html(
    book: &AuthorityData,
    other: Option<&AuthorityData>,
    pool: &[Question],
    progress: &Progress,
    shows: &Shows,
    said: &[Said],
) -> Html {
    let here = match other {
        Some(o) => html!("Moving from {}", o.authority.short_name),
        None => html!("Quiz"),
    };
    let mut out = html!("{}{}", breadcrumb(book, here.as_str()), said_html(said));
    if let Some(o) = other {
        out.push(html!(
            "<p class=\"lead\">Only the topics on which {}'s procedure differs from {}'s.</p>",
            book.authority.short_name,
            o.authority.short_name
        ));
    }
    // Nothing to ask: say so, whatever quiz the learner had under way elsewhere.
    let session = progress.session.as_ref().filter(|_| *shows != Shows::Empty);
    let Some(session) = session else {
        out.push(html!(
            "<h1>No questions to ask</h1><p>There are no questions for this quiz: the two procedures say the same on \
             every topic the quiz asks about.</p><p><a href=\"{}\">All training</a></p>",
            Route::Train.href()
        ));
        return out;
    };
    let line = |index: usize, q: &Question| {
        html!(
            "<p class=\"progress\">Question {} of {} <span class=\"stage\">· {}</span></p>",
            index + 1,
            session.order.len(),
            group_label(&q.group)
        )
    };
    match shows {
        Shows::Question { index, error } => {
            if let Some(q) = asked(session, pool, *index) {
                out.push(line(*index, q));
                out.push(question_form(book, q, &q.choices(u64::from(session.seed)), *error));
            }
        }
        Shows::Feedback { index } => {
            if let (Some(q), Some(pick)) = (asked(session, pool, *index), session.picks.get(*index)) {
                out.push(line(*index, q));
                out.push(feedback(book, q, &pick.choice, pick.right, index + 1 == session.order.len()));
            }
        }
        Shows::Summary => out.push(summary(book, pool, progress)),
        Shows::Empty => {}
    }
    out
}

/// The quiz on paper: the questions with lettered choices, then the answer sheet on a page of its own.
pub fn sheet_html(book: &AuthorityData, pool: &[Question], order: &[String], seed: u32) -> Html {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    let questions: Vec<(&Question, Vec<String>)> = order
        .iter()
        .filter_map(|id| pool.iter().find(|q| &q.id == id))
        .map(|q| (q, q.choices(u64::from(seed))))
        .collect();
    let items: Html = questions
        .iter()
        .map(|(q, choices)| {
            let options: Html =
                choices.iter().enumerate().map(|(i, c)| html!("<li>{}. {}</li>", letter(i), c)).collect();
            html!(
                "<li data-question-topic=\"{}\"><p>{}</p><ul class=\"choices\">{}</ul></li>",
                q.topic,
                q.prompt,
                options
            )
        })
        .collect();
    let answers: Html = questions
        .iter()
        .map(|(q, choices)| {
            let at = choices.iter().position(|c| *c == q.right).unwrap_or_default();
            html!("<li>{}. {} <span class=\"cited-in\">({})</span></li>", letter(at), q.right, q.rule)
        })
        .collect();
    html!(
        "{crumb}<h1>Quiz to print: {name}</h1><p class=\"lead\">Session {seed}: everyone who opens \
         <a href=\"{session}\">this session's quiz</a> gets these questions in this order.</p>\
         <p class=\"no-print\"><button type=\"button\" class=\"button secondary\"{print}>Print</button></p>\
         <ol class=\"quiz-sheet\">{items}</ol><section class=\"answer-sheet\"><h2>Answers</h2><ol>{answers}</ol>\
         </section>",
        crumb = breadcrumb(book, "Quiz to print"),
        name = book.authority.name,
        seed = seed,
        session = Route::Quiz { slug: book.authority.slug.clone(), from: None, seed: Some(seed) }.href(),
        print = Action::Print.attrs(),
        items = items,
        answers = answers
    )
}

/// Whether the handout lists a topic's rules: timescales, roles, attendees, outcomes and the plans that exclude.
fn on_handout(topic: &crate::model::Topic, book: &AuthorityData) -> bool {
    let kinds = book.rules.iter().filter(|r| r.topic == topic.id).filter_map(|r| r.value.as_ref());
    topic.timescale
        || topic.id == "planning_meeting.attendees"
        || kinds.clone().any(|v| {
            matches!(
                v,
                crate::model::Value::Roles { .. }
                    | crate::model::Value::Outcomes { .. }
                    | crate::model::Value::Plans { .. }
            )
        })
}

/// The trainer's handout: the key rules by group, one row per rule, and the core topics the procedure does not
/// state, to print on at most two A4 pages.
pub fn handout_html(library: &Library, book: &AuthorityData) -> Html {
    let mut body = Html::new();
    let mut gaps: Vec<&str> = Vec::new();
    for (group, label) in GROUPS {
        let mut rows = Html::new();
        for topic in library.topics.iter().filter(|t| t.group == group) {
            let rules: Vec<_> = book.rules.iter().filter(|r| r.topic == topic.id).collect();
            let stated = rules.iter().any(|r| r.status != Status::NotStated);
            if !stated {
                if topic.core {
                    gaps.push(&topic.label);
                }
                continue;
            }
            if !on_handout(topic, book) {
                continue;
            }
            let said: Vec<Html> = rules
                .iter()
                .map(|r| {
                    let what = match (r.status, r.value.as_ref()) {
                        (Status::Stated, Some(v)) => in_words(v, &library.roles),
                        (Status::Ambiguous, _) => {
                            let readings: Vec<&str> = r.readings.iter().map(|x| x.label.as_str()).collect();
                            format!("Ambiguous: {}", readings.join("; or "))
                        }
                        _ => NOT_SAID.to_owned(),
                    };
                    match describe_when(&r.when, &book.authority.vocabulary) {
                        Some(when) => html!("<p><em>{}:</em> {}</p>", when, what),
                        None => html!("<p>{}</p>", what),
                    }
                })
                .collect();
            let cites: Vec<String> = rules.iter().flat_map(|r| r.cites.iter().cloned()).collect();
            let mut unique = cites.clone();
            unique.dedup();
            rows.push(html!(
                "<tr data-topic=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                topic.id,
                topic.label,
                Html::join(said, ""),
                section_links(book, &unique)
            ));
        }
        if !rows.is_empty() {
            body.push(html!(
                "<h2>{}</h2><table class=\"handout-table\"><thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">What \
                 the procedure says</th><th scope=\"col\">Section</th></tr></thead><tbody>{}</tbody></table>",
                label,
                rows
            ));
        }
    }
    let gaps: Html = gaps.iter().map(|g| html!("<li>{}</li>", *g)).collect();
    html!(
        "<div class=\"handout\">{crumb}<h1>{name}: the key rules</h1><p class=\"lead\">A trainer's summary of \
         {document}, restated in this site's words with the sections it comes from. Check the authority's current \
         manual before you act.</p><p class=\"no-print\"><button type=\"button\" class=\"button secondary\"{print}>Print\
         </button></p>{body}<h2>What the procedure does not say</h2><ul class=\"gaps\">{gaps}</ul></div>",
        crumb = breadcrumb(book, "Handout"),
        name = book.authority.name,
        document = book.authority.document.title,
        print = Action::Print.attrs(),
        body = body,
        gaps = gaps
    )
}

/// `/train/{authority}/cases`: the worked cases, each with its facts and a link to practise it.
pub fn cases_list_html(book: &AuthorityData, cases: &[WorkedCase]) -> Html {
    let items: Html = cases
        .iter()
        .map(|c| {
            html!(
                "<li><h2><a href=\"{}\">{}</a></h2><p>{}</p></li>",
                Route::Cases { slug: book.authority.slug.clone(), case: Some(c.id.clone()) }.href(),
                c.title,
                c.facts
            )
        })
        .collect();
    let body = match cases.is_empty() {
        true => html!("<p>There are no worked cases for this authority yet.</p>"),
        false => html!("<ul class=\"case-list\">{}</ul>", items),
    };
    html!(
        "{}<h1>Worked cases: {}</h1><p class=\"lead\">Practice cases in this site's words. Work out each due date \
         and outcome under {}'s procedure; the site counts the answer from the same rules as its deadlines page and \
         shows how it was counted.</p>{}",
        breadcrumb(book, "Worked cases"),
        book.authority.name,
        book.authority.short_name,
        body
    )
}

/// What the learner sent for one question of a worked case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseReply {
    /// The outcomes picked (their ids).
    pub picked: Vec<String>,
    /// The date as typed.
    pub parts: DateParts,
}

/// One question of a worked case: its form (kept filled in after an answer) and, when it was just answered, the
/// verdict and how the answer was counted.
fn case_question(
    index: usize,
    q: &CaseQuestion,
    expected: Option<&Expected>,
    choices: &[OutcomeChoice],
    reply: Option<&CaseReply>,
) -> Html {
    let id = format!("q{}", index + 1);
    let (verdict, error) = match (reply, expected.map(|e| &e.answer)) {
        (Some(r), Some(CaseAnswer::Date(want))) => match r.parts.parse("The date") {
            Ok(Some(date)) => (Some(check_date(want, date)), None),
            Ok(None) => (None, Some("Enter the date".to_owned())),
            Err(e) => (None, Some(e)),
        },
        (Some(r), Some(CaseAnswer::Outcome(_))) if r.picked.is_empty() => {
            (None, Some("Select at least one outcome".to_owned()))
        }
        (Some(r), Some(CaseAnswer::Outcome(want))) => (Some(check_outcome(want, &r.picked, choices)), None),
        _ => (None, None),
    };
    let message = error.as_ref().map(|e| {
        html!("<p class=\"field-error\" id=\"{}-error\"><span class=\"visually-hidden\">Error: </span>{}</p>", id, e)
    });
    let field = match q.ask {
        Ask::Date => {
            let parts = reply.map(|r| r.parts.clone()).unwrap_or_default();
            html!(
                "<p class=\"hint\" id=\"{id}-hint\">For example, 20 4 2026.</p>{message}{inputs}",
                id = id,
                message = message.unwrap_or_default(),
                inputs = date_parts_html(&id, "answer", &parts)
            )
        }
        Ask::Outcome => {
            let boxes: Html = choices
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let picked = reply.is_some_and(|r| r.picked.contains(&c.id));
                    let box_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                    html!(
                        "<div class=\"checkbox\"><input type=\"checkbox\" id=\"{b}\" name=\"answer\" value=\"{v}\"{c}><label \
                         for=\"{b}\">{l}</label></div>",
                        b = box_id,
                        v = c.id,
                        c = if picked { " checked" } else { "" },
                        l = c.label
                    )
                })
                .collect();
            html!(
                "<p class=\"hint\" id=\"{}-hint\">Select every one that follows.</p>{}{}",
                id,
                message.unwrap_or_default(),
                boxes
            )
        }
    };
    let feedback = verdict.map(|v| {
        let word = if v.correct { "right" } else { "wrong" };
        html!(
            "<div id=\"feedback\" class=\"feedback {w}\" data-verdict=\"{w}\" tabindex=\"-1\"><p>{f}</p></div>",
            w = word,
            f = v.feedback
        )
    });
    let summary = error.as_ref().map(|e| error_summary_html(&[(id.clone(), e.as_str())]));
    html!(
        "<section class=\"case-question{err}\" data-question-topic=\"{topic}\" aria-labelledby=\"{id}-heading\">\
         {summary}<h2 id=\"{id}-heading\">Question {n}</h2><form novalidate><input type=\"hidden\" name=\"act\" \
         value=\"case\"><input type=\"hidden\" name=\"question\" value=\"{index}\"><fieldset \
         aria-describedby=\"{id}-hint\"><legend>{prompt}</legend>{field}</fieldset><button type=\"submit\" \
         class=\"button\">Check answer</button></form>{feedback}</section>",
        err = if error.is_some() { " has-error" } else { "" },
        topic = expected.map(|e| e.topic.as_str()).unwrap_or_default(),
        id = id,
        summary = summary.unwrap_or_default(),
        n = index + 1,
        index = index,
        prompt = q.prompt,
        field = field,
        feedback = feedback.unwrap_or_default()
    )
}

/// One worked case: its facts, then each question with the feedback on the one just answered.
pub fn case_html(
    book: &AuthorityData,
    case: &WorkedCase,
    choices: &[OutcomeChoice],
    expected: Option<&[Expected]>,
    reply: Option<(usize, CaseReply)>,
) -> Html {
    let questions: Html = case
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let want = expected.and_then(|all| all.iter().find(|e| e.question == i));
            let mine = reply.as_ref().filter(|(at, _)| *at == i).map(|(_, r)| r);
            case_question(i, q, want, choices, mine)
        })
        .collect();
    html!(
        "{crumb}<h1>{title}</h1><div class=\"case-facts\"><h2>The case</h2><p>{facts}</p></div>{questions}\
         <p><a href=\"{all}\">All worked cases</a></p>",
        crumb = breadcrumb(book, "Worked cases"),
        title = case.title,
        facts = case.facts,
        questions = questions,
        all = Route::Cases { slug: book.authority.slug.clone(), case: None }.href()
    )
}
