//! The time a story has reached: in narrative text ("On September 1,
//! 1939, Germany attacked Poland. ... In April, ...") what a date without
//! its year, "the following year" or "twelve days later" counts from is
//! the last date the text told of, at whatever granularity it was told.
//!
//! A year alone moves the story to that year; a month to that month; a
//! day to that day. A month or day named without its year takes the
//! story's year, or the next one when it would otherwise lie far behind
//! the point the story has reached: stories move forward, and look back
//! only a little without saying so ("the Axis attacked in June; in April,
//! ..." stays in the same year, "in September 1939 ... In April" is the
//! next April).

use chrono::{Datelike, NaiveDate};

use super::calendar::Point;

/// How much more a step back in time costs than the same step forward:
/// a month up to about four and a half months behind the story's point
/// stays in the story's year, one further behind is next year's.
const BACKWARD_COST: (i64, i64) = (8, 5);

/// The first day of what a point names, as the story's new point; `None`
/// for what does not move a story (lengths, decades, "recently").
///
/// Years are counted as history counts them, 499 BC as -499: chrono's
/// year is only a container here, so moving by years and decades across
/// BC dates stays right as long as it does not cross the era.
pub fn first_day(p: &Point) -> Option<NaiveDate> {
    match p {
        Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, ..) | Point::Week(d) => Some(*d),
        Point::Weekend(d) => Some(*d + chrono::Duration::days(5)),
        Point::Month(y, m) => NaiveDate::from_ymd_opt(*y, *m, 1),
        Point::Quarter(y, q) => NaiveDate::from_ymd_opt(*y, (q - 1) * 3 + 1, 1),
        Point::Half(y, h) => NaiveDate::from_ymd_opt(*y, (h - 1) * 6 + 1, 1),
        Point::Season(y, s) => NaiveDate::from_ymd_opt(*y, s.start_month(), 1),
        Point::Year(y) => NaiveDate::from_ymd_opt(*y, 1, 1),
        _ => None,
    }
}

/// True when `p` is a year or a month and `at` lies in it.
pub fn holds(p: &Point, at: NaiveDate) -> bool {
    match p {
        Point::Year(y) => at.year() == *y,
        Point::Month(y, m) => (at.year(), at.month()) == (*y, *m),
        _ => false,
    }
}

/// The year of `month`/`day` named without one, when the story has
/// reached `at`: the story's year, or the next one if the day lies far
/// behind `at` (see [`BACKWARD_COST`]).
pub fn year_of(at: NaiveDate, month: u32, day: u32) -> i32 {
    let cost = |y: i32| {
        let d = NaiveDate::from_ymd_opt(y, month, day)?;
        let days = (d - at).num_days();
        Some(if days >= 0 {
            days * BACKWARD_COST.1
        } else {
            -days * BACKWARD_COST.0
        })
    };
    // February 29 lies in a leap year, whatever the story's point.
    match (cost(at.year()), cost(at.year() + 1)) {
        (Some(this), Some(next)) if next < this => at.year() + 1,
        (None, Some(_)) => at.year() + 1,
        _ => at.year(),
    }
}

/// The day `month`/`day` without a year, when the story has reached `at`.
pub fn day_of(at: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year_of(at, month, day), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_story_moves_forward_and_looks_back_a_little() {
        // "September 1, 1939 ... April": the next April.
        assert_eq!(year_of(d("1939-09-01"), 4, 1), 1940);
        // "September 1940 ... in June": three months back, the same year.
        assert_eq!(year_of(d("1940-09-01"), 6, 1), 1940);
        // A year alone: every month of it.
        assert_eq!(year_of(d("1943-01-01"), 12, 1), 1943);
        assert_eq!(year_of(d("1943-01-01"), 1, 1), 1943);
        // Later in the same month, or later in the year: the same year.
        assert_eq!(day_of(d("1865-04-09"), 4, 21), Some(d("1865-04-21")));
        assert_eq!(day_of(d("1944-12-16"), 1, 3), Some(d("1945-01-03")));
    }

    #[test]
    fn a_year_or_month_holds_the_days_in_it() {
        assert!(holds(&Point::Year(1941), d("1941-12-07")));
        assert!(!holds(&Point::Year(1942), d("1941-12-07")));
        assert!(holds(&Point::Month(1941, 12), d("1941-12-07")));
        assert!(!holds(&Point::Month(1942, 12), d("1941-12-07")));
        assert!(!holds(&Point::Day(d("1941-12-08")), d("1941-12-07")));
    }

    #[test]
    fn bc_years_count_as_history_does() {
        assert_eq!(year_of(d("-0480-04-01"), 8, 1), -480);
        assert_eq!(first_day(&Point::Year(-499)), Some(d("-0499-01-01")));
    }
}
