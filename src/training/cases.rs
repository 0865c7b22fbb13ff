//! Worked cases: practice cases from `content/`, whose answers are computed by the site's own engines.
