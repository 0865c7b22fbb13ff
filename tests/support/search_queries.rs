//! The relevance fixture: queries a social worker would type, each with the sections (`authority/section`) that
//! must be among the first three results, chosen by reading the source procedures. Typos, abbreviations, number
//! words and section numbers are written the ways people write them.

/// (query, sections that must be in the top three).
pub const QUERIES: &[(&str, &[&str])] = &[
    // York §5 holds the review meeting's agenda; Brighton and Hove's network meeting has its own.
    ("reveiw meeting agenda", &["york/the-review-meeting", "brighton-hove/network-meeting"]),
    ("review meeting agenda", &["york/the-review-meeting"]),
    // York steps cases down to a Team Around the Child (§6).
    ("TAC", &["york/concluding-the-plan"]),
    ("team around the child", &["york/concluding-the-plan"]),
    // York §4: reviews every twelve weeks (Health and Disability Team: 26 weeks).
    ("12 weeks", &["york/arranging-a-review"]),
    ("twelve weeks", &["york/arranging-a-review"]),
    // Lancashire section 4: a Strategy Discussion and possibly a Section 47 Enquiry.
    ("S47", &["lancashire/planning-and-review-meetings"]),
    ("section 47 enquiry", &["lancashire/planning-and-review-meetings"]),
    // The 15 working days to the first meeting: York §4, Brighton and Hove's network meeting.
    ("15 working days", &["york/arranging-a-review", "brighton-hove/arranging-a-network-meeting"]),
    ("fifteen working days", &["york/arranging-a-review", "brighton-hove/arranging-a-network-meeting"]),
    ("direct payments", &["brighton-hove/direct-payments"]),
    ("direct paymnets", &["brighton-hove/direct-payments"]),
    ("minutes of the review meeting", &["york/the-review-meeting"]),
    ("mosaic", &["york/the-review-meeting"]),
    ("step down to early help", &["brighton-hove/concluding-the-plan"]),
    ("advocate", &["york/arranging-a-review", "lancashire/planning-and-review-meetings"]),
    // Durham's planning framework is where it sets out Family Group Conferences.
    ("FGC", &["durham/planning-framework"]),
    ("family group conference", &["durham/planning-framework"]),
    ("care team meetings frequency", &["durham/care-team"]),
    ("how often does the care team meet", &["durham/care-team"]),
    ("supervision order", &["brighton-hove/child-in-need-plan"]),
    ("child protection plan", &["durham/reviews"]),
    ("statutory visits recording", &["lancashire/recording-guidance"]),
    ("how often should the child be visited", &["brighton-hove/visits"]),
    ("SEND field work support officer", &["lancashire/allocation-to-fieldwork-support-officer"]),
    ("FWSO", &["lancashire/allocation-to-fieldwork-support-officer"]),
    ("lead professional", &["coventry/plans"]),
    ("what the plan should contain", &["coventry/plans"]),
    ("disabled children reviews", &["coventry/reviews"]),
    ("reviews every three months", &["coventry/reviews"]),
    ("complex package 12 months", &["coventry/reviews"]),
    ("contingency plan", &["durham/action-following-planning-meeting"]),
];
