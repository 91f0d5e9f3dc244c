//! Dates written out: "September 29, 2020", "29 September", "9/29/2020",
//! years, decades and centuries, ranges of years and days, "the week of March
//! 6".

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::time::calendar::{monday, Point};
use crate::time::scan::Shape;
use crate::time::DocType;

/// Explicit dates: "September 29, 2020", "Sept. 29", "29 September 2020",
/// "September 2020", "9/29/2020", "2020-09-29".
pub(super) fn explicit(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "Saturday, April 25": the weekday joins the date.
    if let Some(w) = cx
        .tokens
        .get(i)
        .filter(|t| t.capital)
        .and_then(|t| t.lex)
        .and_then(|l| l.weekday)
    {
        let j = if cx.is(i + 1, &[","]) { i + 2 } else { i + 1 };
        if month_at(cx, j).is_some() || day_at(cx, j).is_some() {
            let mut f = explicit(cx, j)?;
            // Only when they agree: "until Friday September 18, 2008" is a
            // headline's Friday and a dateline's Thursday.
            let agree = |d: &NaiveDate| d.weekday().number_from_monday() == w;
            if matches!(&f.point, Some(Point::Day(d)) if agree(d)) {
                f.first = i;
                return Some(f);
            }
        }
        return None;
    }
    if let Some(m) = month_at(cx, i) {
        let mut j = i + 1;
        if let Some(d) = day_at(cx, j) {
            j += 1;
            let mut k = j;
            if cx.is(k, &[","]) {
                k += 1;
            }
            if let Some((y, end)) = year_words(cx, k).or_else(|| relative_year(cx, j)) {
                let day = NaiveDate::from_ymd_opt(y, m, d)?;
                return Some(Found::date(i, end, Point::Day(day)));
            }
            let day = cx.undated_day(m, d, i)?;
            return Some(Found::date(i, j, Point::Day(day)));
        }
        // "September, 2005", "November of 2005": a month and its year
        // written apart are one date.
        if cx.is(j, &[",", "of"]) && year_at(cx, j + 1).is_some() {
            j += 1;
        }
        if let Some((y, end)) = year_words(cx, j).or_else(|| relative_year(cx, j)) {
            return Some(Found::date(i, end, Point::Month(y, m)));
        }
        return None;
    }
    if let Some(d) = day_at(cx, i) {
        let mut j = i + 1;
        if cx.is(j, &["of"]) {
            j += 1;
        }
        // "6-7 February", "6 and 7 February": the first day of a range
        // takes the month after the second.
        let ranged = cx.joins(j) && day_at(cx, j + 1).is_some();
        if ranged && month_at(cx, j + 2).is_some() {
            let m = month_at(cx, j + 2)?;
            let day = match year_at(cx, j + 3).filter(|_| cx.tokens[j + 3].shape == Shape::Number) {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d)?,
                None => cx.undated_day(m, d, i)?,
            };
            return Some(Found::date(i, i + 1, Point::Day(day)));
        }
        let m = month_at(cx, j)?;
        j += 1;
        let mut k = j;
        if cx.is(k, &[","]) {
            k += 1;
        }
        if let Some((y, end)) = year_bc(cx, k).or_else(|| Some((year_at(cx, k)?, k + 1))) {
            return Some(Found::date(
                i,
                end,
                Point::Day(NaiveDate::from_ymd_opt(y, m, d)?),
            ));
        }
        return Some(Found::date(i, j, Point::Day(cx.undated_day(m, d, i)?)));
    }
    let t = cx.tokens.get(i)?;
    if t.shape != Shape::Number {
        return None;
    }
    let parts: Vec<&str> = t.lower.split(['/', '-']).collect();
    let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if nums.len() != parts.len() || !(2..=3).contains(&nums.len()) {
        return None;
    }
    let day = match (parts[0].len(), nums.as_slice()) {
        (4, [y, m, d]) => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        (_, [m, d, y]) if parts[2].len() == 4 => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        (_, [m, d, y]) if parts[2].len() == 2 => {
            let y = *y as i32 + if *y < 50 { 2000 } else { 1900 };
            NaiveDate::from_ymd_opt(y, *m, *d)
        }
        (4, [y, m]) if t.lower.contains('-') && (1..=12).contains(m) => {
            return Some(Found::date(i, i + 1, Point::Month(*y as i32, *m)));
        }

        _ => None,
    }?;
    Some(Found::date(i, i + 1, Point::Day(day)))
}

/// Years, decades and centuries: "2020", "fiscal 1989", "the 1990s",
/// "'90s", "the 20th century".
pub(super) fn years(cx: &Context<'_>, i: usize) -> Option<Found> {
    let t = cx.tokens.get(i)?;
    if words().year_kinds.contains(&t.lower) {
        let y = year_at(cx, i + 1)?;
        return Some(Found::date(i, i + 2, Point::Year(y)));
    }
    if t.lower == "'" || t.lower == "’" {
        // '90s is a decade, '82 a year; two digits glued to the apostrophe.
        let n = cx.tokens.get(i + 1)?;
        let (d, decade) = match n.lower.strip_suffix('s') {
            Some(d) => (d, true),
            None => (n.lower.as_str(), false),
        };
        // "'60 Minutes" is a programme.
        let titled = unit(cx, i + 2).is_some() && cx.tokens.get(i + 2).is_some_and(|t| t.capital);
        if d.len() != 2 || !d.bytes().all(|b| b.is_ascii_digit()) || n.start != t.end || titled {
            return None;
        }
        let v: i32 = d.parse().ok()?;
        let century = if v < 30 { 2000 } else { 1900 };
        let p = if decade {
            Point::Decade((century + v) / 10)
        } else {
            Point::Year(century + v)
        };
        return Some(Found::date(i, i + 2, p));
    }
    if spoken_century(cx, i).is_some() {
        let (y, j) = year_words(cx, i)?;
        return Some(Found::date(i, j, Point::Year(y)));
    }
    // "the year two thousand", "the year 2000"
    if cx.is(i, &["the"]) && cx.is(i + 1, &["year"]) {
        let (y, j) = year_words(cx, i + 2)?;
        return Some(Found::date(i, j, Point::Year(y)));
    }
    // "the eighties": a decade named by a word.
    if cx.is(i, &["the"]) {
        let d = cx.tokens.get(i + 1)?.lex?.decade?;
        return Some(Found::date(i, i + 2, Point::Decade(d / 10)));
    }
    if t.shape != Shape::Number {
        return None;
    }
    if let Some(d) = t
        .lower
        .strip_suffix('s')
        .filter(|d| d.len() == 2 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()))
    {
        // "in his 30s", "in their early 20s" is an age, not a decade.
        let owner = (1..=2).any(|n| words().possessives.contains(cx.word(i.wrapping_sub(n))));
        if owner {
            return None;
        }
        // "the 70s": a decade of the last century (or this one, for 00s-20s).
        let v: i32 = d.parse().ok()?;
        let century = if v < 30 { 2000 } else { 1900 };
        return Some(Found::date(i, i + 1, Point::Decade((century + v) / 10)));
    }
    // "1000s of miles", "100s of people": a count, as "thousands of"
    // ("the 1960s of my childhood" is a decade).
    let counted = cx.is(i + 1, &["of"])
        && !cx.is(i.wrapping_sub(1), &["the"])
        && cx
            .tokens
            .get(i + 2)
            .is_some_and(|n| n.shape == Shape::Word && !n.capital);
    if let Some(d) = t.lower.strip_suffix('s').filter(|_| !counted) {
        if d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
            let v: i32 = d.parse().ok()?;
            return Some(Found::date(i, i + 1, Point::Decade(v / 10)));
        }
    }
    if let Some(ord) = t.lex.and_then(|l| l.ordinal) {
        if cx.is(i + 1, &["century"]) && ord > 0 {
            if is_bc(cx, i + 2) {
                return Some(Found::date(i, i + 3, Point::Century(-(ord - 1))));
            }
            return Some(Found::date(i, i + 2, Point::Century(ord - 1)));
        }
    }
    // "the 470s BC"
    if let Some(d) = t.lower.strip_suffix("0s").filter(|_| is_bc(cx, i + 1)) {
        let d: i32 = d.parse().ok().filter(|d| (1..=999).contains(d))?;
        return Some(Found::date(i, i + 2, Point::Decade(-d)));
    }
    if let Some((y, end)) = year_bc(cx, i) {
        return Some(Found::date(i, end, Point::Year(y)));
    }
    // "499-493 BC", "490 to 480 BC": the first year of a range is in
    // the era of the second.
    let to_bc = |k: usize| cx.joins(k) && year_bc(cx, k + 1).is_some();
    if t.lower.len() <= 3 && to_bc(i + 1) {
        let y: i32 = t.lower.parse().ok().filter(|y| *y > 0)?;
        return Some(Found::date(i, i + 1, Point::Year(-y)));
    }
    if let Some(y) = range_end(cx, i) {
        return Some(Found::date(i, i + 1, Point::Year(y)));
    }
    let y = year_at(cx, i)?;
    let prev = if i > 0 { cx.word(i - 1) } else { "" };
    let next = cx.word(i + 1);
    if words().currency_signs.contains(prev) || words().amount_marks.contains(next) {
        return None;
    }
    // A history reaches back further than the news; a year that opens or
    // closes a range ("1861-1863") is a year.
    let usual = match cx.doc_type {
        DocType::Narrative => (1000..=2199).contains(&y),
        _ => (1900..=2050).contains(&y),
    } || (cx.is(i + 1, &["-", "–"])
        && (year_ad(cx, i + 2).is_some() || range_end(cx, i + 2).is_some()));
    let introduced = words().year_introducers.contains(prev);
    let counted = words().counted_nouns.contains(next);
    // "1898 and 1899", "1998, 1999 or 2000": a year in a list of years,
    // unless the list counts ("between 1500 and 2000 people").
    let joined = |k: usize| cx.joins(k);
    let listed = (i >= 2 && joined(i - 1) && year_ad(cx, i - 2).is_some())
        || ((joined(i + 1) || cx.is(i + 1, &[","]))
            && year_ad(cx, i + 2).is_some()
            && !words().counted_nouns.contains(cx.word(i + 3)));
    if ((usual || listed) && !counted) || introduced {
        return Some(Found::date(i, i + 1, Point::Year(y)));
    }
    None
}

/// The second year of a range glued to its first ("1957-58", "2007-08",
/// "1861-1863", "2005-7"): a shortened form takes the first year's
/// century or decade and must come after it, so "2020-09" stays a month.
pub(super) fn range_end(cx: &Context<'_>, i: usize) -> Option<i32> {
    let t = cx.tokens.get(i)?;
    let dash = cx.tokens.get(i.checked_sub(1)?)?;
    let glued = dash.end == t.start && matches!(dash.lower.as_str(), "-" | "–");
    let first = year_ad(cx, i.checked_sub(2)?).filter(|_| glued)?;
    if !t.lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = match t.lower.len() {
        1 => first / 10 * 10 + t.lower.parse::<i32>().ok()?,
        2 => first / 100 * 100 + t.lower.parse::<i32>().ok()?,
        4 => t.lower.parse().ok()?,
        _ => return None,
    };
    (y > first).then_some(y)
}

/// The second day of "April 24 and 25", "May 3-5": the month of the day
/// just written.
pub(super) fn day_after_and(cx: &Context<'_>, i: usize) -> Option<Found> {
    let d = day_at(cx, i)?;
    let anchor = cx.last_day?;
    let joined = cx.joins(i.wrapping_sub(1)) && day_at(cx, i.wrapping_sub(2)) == Some(anchor.day());
    if !joined || month_at(cx, i + 1).is_some() {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), d)?;
    Some(Found::date(i, i + 1, Point::Day(day)))
}

/// "the week of March 6": the ISO week that holds the day.
pub(super) fn week_of(cx: &Context<'_>, i: usize) -> Option<Found> {
    if !(cx.is(i, &["the"]) && cx.is(i + 1, &["week"]) && cx.is(i + 2, &["of"])) {
        return None;
    }
    let (d, end) = explicit(cx, i + 3)?.day()?;
    Some(Found::date(i, end, Point::Week(monday(d))))
}
