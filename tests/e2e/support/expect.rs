//! Facts read from the source documents, per authority, keyed by slug: what the tests expect to see for an
//! authority beyond what `content/` already says (its document number as the start page writes it, dates counted
//! by hand from the procedure). Counts and lists of authorities come from `content/authorities.json`, never from
//! here: an authority added to `content/` needs no entry, and an entry whose authority is not in `content/` is
//! simply not used.

/// The expectations for one authority.
pub struct Facts {
    /// The authority's slug in `content/authorities.json`.
    pub slug: &'static str,
    /// Text its card on the start page shows (document number, dates, what it is based on).
    pub card: &'static [&'static str],
    /// Deadlines pages whose dates were counted by hand from the procedure.
    pub timelines: &'static [Timeline],
}

/// One `/deadlines/{slug}?{query}` page and what it must show.
pub struct Timeline {
    /// The answers, as the address's query.
    pub query: &'static str,
    /// (topic, dates): the `datetime`s of the timeline's `<time data-topic=…>` must start with these, in order.
    pub dated: &'static [(&'static str, &'static [&'static str])],
    /// (topic, date): dates that must not be listed for the topic.
    pub absent: &'static [(&'static str, &'static str)],
    /// (rule id, text): the rule's dated line must contain each text.
    pub says: &'static [(&'static str, &'static [&'static str])],
}

/// Every table entry. The dates below are counted from the procedures' own words (see each comment).
pub const FACTS: &[Facts] = &[
    Facts { slug: "coventry", card: &["Chapter 2.1"], timelines: &[] },
    Facts {
        slug: "york",
        card: &["Chapter 3.1"],
        timelines: &[
            // York §4: the first review within 15 working days of the plan (Easter 2026 skipped); the Health and
            // Disability Team reviews at least every 26 weeks from the last review. The initial review is the one
            // meeting that does the planning meeting's work (§5): it is not listed again as a planning meeting.
            Timeline {
                query: "plan_established=2026-03-26&previous_review=2026-04-20&team=health_disability",
                dated: &[("review.first", &["2026-04-20"]), ("review.interval", &["2026-10-19", "2027-04-19"])],
                absent: &[("planning_meeting.deadline", "2026-04-20")],
                says: &[("york-review-first", &["skipping Good Friday and Easter Monday", "met"])],
            },
            // Other teams review every 12 weeks instead, and the 26-week rule is left out.
            Timeline {
                query: "plan_established=2026-03-26&previous_review=2026-04-20&team=children_in_need_assessment",
                dated: &[("review.interval", &["2026-07-13"])],
                absent: &[("review.interval", "2026-10-19")],
                says: &[],
            },
        ],
    },
    Facts {
        slug: "lancashire",
        card: &["Amended November 2021"],
        // Lancashire section 3: "10 days" is ambiguous, so both readings (10 days, 10 working days) are dated.
        timelines: &[Timeline {
            query: "assessment_completed=2026-12-18",
            dated: &[("planning_meeting.deadline", &["2026-12-28", "2027-01-06"])],
            absent: &[],
            says: &[],
        }],
    },
    Facts {
        slug: "brighton-hove",
        card: &["Chapter 1.4.3", "Updated November 2017", "Based on City of York Council"],
        // Brighton and Hove 5: the Initial Child in Need Network Meeting within 15 working days of the plan (Easter
        // 2026 skipped), then at least every 3 months. Where the first review is read as that meeting, it is not
        // listed again as the first review.
        timelines: &[Timeline {
            query: "plan_established=2026-03-26&direct_payments_only=no",
            dated: &[
                ("planning_meeting.deadline", &["2026-04-20"]),
                ("review.interval", &["2026-07-20", "2026-10-20"]),
            ],
            absent: &[("review.first", "2026-04-20")],
            says: &[("brighton-hove-planning-meeting-deadline", &["skipping Good Friday and Easter Monday"])],
        }],
    },
    Facts {
        slug: "durham",
        card: &["Procedure number CIN/013", "Last reviewed 26 March 2008", "Next review due 26 March 2011", "overdue"],
        // Durham, "Care Team Meetings": the first within two weeks of the planning meeting.
        timelines: &[Timeline {
            query: "planning_meeting=2026-11-02&care_team_meeting=2026-11-16&other_plan=none",
            dated: &[("care_team.first_meeting", &["2026-11-16"])],
            absent: &[],
            says: &[],
        }],
    },
];

/// The facts for a slug, if the table has any.
pub fn facts(slug: &str) -> Option<&'static Facts> {
    FACTS.iter().find(|f| f.slug == slug)
}

/// Every deadlines page of the table whose authority is in `content/`, with its slug.
pub fn timelines() -> Vec<(&'static str, &'static Timeline)> {
    let slugs = super::slugs();
    FACTS
        .iter()
        .filter(|f| slugs.iter().any(|s| s == f.slug))
        .flat_map(|f| f.timelines.iter().map(move |t| (f.slug, t)))
        .collect()
}
