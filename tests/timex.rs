//! The temporal tagger: pinned resolutions of each kind of expression, the
//! article's dates, the CLI's JSON Lines, and no panic on any input.

use annals::time::{tag, DocType, TimexType};
use chrono::NaiveDate;
use proptest::prelude::*;

use crate::util::{root, run_in};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// (sentence, reference date, expression, type, value, mod, store date)
/// One pinned case: sentence, reference date, expression, type, value,
/// mod, store date.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    TimexType,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

const CASES: &[Case] = &[
    // explicit dates in the forms news uses
    (
        "It began on September 29, 2020.",
        "2020-10-01",
        "September 29, 2020",
        TimexType::Date,
        "2020-09-29",
        None,
        Some("2020-09-29"),
    ),
    (
        "Talks resumed Sept. 29.",
        "2020-10-01",
        "Sept. 29",
        TimexType::Date,
        "2020-09-29",
        None,
        Some("2020-09-29"),
    ),
    (
        "He died on 29 September 2020.",
        "2021-01-01",
        "29 September 2020",
        TimexType::Date,
        "2020-09-29",
        None,
        Some("2020-09-29"),
    ),
    (
        "Filed 9/29/2020 in court.",
        "2021-01-01",
        "9/29/2020",
        TimexType::Date,
        "2020-09-29",
        None,
        Some("2020-09-29"),
    ),
    (
        "Filed 2020-09-29 in court.",
        "2021-01-01",
        "2020-09-29",
        TimexType::Date,
        "2020-09-29",
        None,
        Some("2020-09-29"),
    ),
    (
        "Prices rose in the 1990s.",
        "2020-01-01",
        "the 1990s",
        TimexType::Date,
        "199",
        None,
        Some("199X"),
    ),
    (
        "Music of the '90s returned.",
        "2020-01-01",
        "the '90s",
        TimexType::Date,
        "199",
        None,
        Some("199X"),
    ),
    (
        "The war ended in 2003.",
        "2020-01-01",
        "2003",
        TimexType::Date,
        "2003",
        None,
        Some("2003"),
    ),
    (
        "Sales fell in September 2020.",
        "2021-01-01",
        "September 2020",
        TimexType::Date,
        "2020-09",
        None,
        Some("2020-09"),
    ),
    (
        "BAGHDAD, Sept 29 (Reuters) - Rockets hit the zone.",
        "2020-09-29",
        "Sept 29",
        TimexType::Date,
        "2020-09-29",
        None,
        Some("2020-09-29"),
    ),
    // today, yesterday, tomorrow, tonight
    (
        "The minister spoke today.",
        "2020-09-29",
        "today",
        TimexType::Date,
        "2020-09-29",
        None,
        Some("2020-09-29"),
    ),
    (
        "The minister spoke yesterday.",
        "2020-09-29",
        "yesterday",
        TimexType::Date,
        "2020-09-28",
        None,
        Some("2020-09-28"),
    ),
    (
        "The minister will speak tomorrow.",
        "2020-09-29",
        "tomorrow",
        TimexType::Date,
        "2020-09-30",
        None,
        Some("2020-09-30"),
    ),
    (
        "The minister speaks tonight.",
        "2020-09-29",
        "tonight",
        TimexType::Date,
        "2020-09-29",
        None,
        Some("2020-09-29"),
    ),
    // weekdays and months by tense
    (
        "Protesters gathered on Friday.",
        "2020-09-29",
        "Friday",
        TimexType::Date,
        "2020-09-25",
        None,
        Some("2020-09-25"),
    ),
    (
        "The two leaders will meet Friday.",
        "2020-09-29",
        "Friday",
        TimexType::Date,
        "2020-10-02",
        None,
        Some("2020-10-02"),
    ),
    (
        "Three children died last Monday.",
        "2020-09-29",
        "last Monday",
        TimexType::Date,
        "2020-09-28",
        None,
        Some("2020-09-28"),
    ),
    (
        "They will vote next Monday.",
        "2020-09-29",
        "next Monday",
        TimexType::Date,
        "2020-10-05",
        None,
        Some("2020-10-05"),
    ),
    (
        "The troops arrived in August.",
        "2020-09-29",
        "August",
        TimexType::Date,
        "2020-08",
        None,
        Some("2020-08"),
    ),
    // last/this/next units
    (
        "Exports rose last week.",
        "2020-09-29",
        "last week",
        TimexType::Date,
        "2020-W39",
        None,
        Some("2020-W39"),
    ),
    (
        "Exports rose this month.",
        "2020-09-29",
        "this month",
        TimexType::Date,
        "2020-09",
        None,
        Some("2020-09"),
    ),
    (
        "Exports will rise next year.",
        "2020-09-29",
        "next year",
        TimexType::Date,
        "2021",
        None,
        Some("2021"),
    ),
    (
        "Exports rose last quarter.",
        "2020-09-29",
        "last quarter",
        TimexType::Date,
        "2020-Q2",
        None,
        Some("2020-Q2"),
    ),
    // shifted
    (
        "A week ago, the minister resigned.",
        "2020-09-29",
        "A week ago",
        TimexType::Date,
        "2020-09-22",
        None,
        Some("2020-09-22~"),
    ),
    (
        "Three days ago, the minister resigned.",
        "2020-09-29",
        "Three days ago",
        TimexType::Date,
        "2020-09-26",
        None,
        Some("2020-09-26"),
    ),
    (
        "Two years ago, the minister resigned.",
        "2020-09-29",
        "Two years ago",
        TimexType::Date,
        "2018",
        None,
        Some("2018"),
    ),
    // modified
    (
        "Late last week, Washington began preparations.",
        "2020-09-29",
        "Late last week",
        TimexType::Date,
        "2020-W39",
        Some("END"),
        Some("late 2020-W39"),
    ),
    (
        "Talks will resume early next month.",
        "2020-09-29",
        "early next month",
        TimexType::Date,
        "2020-10",
        Some("START"),
        Some("early 2020-10"),
    ),
    (
        "Growth slowed in mid-2020.",
        "2021-01-05",
        "mid-2020",
        TimexType::Date,
        "2020",
        Some("MID"),
        Some("mid 2020"),
    ),
    // vague references
    (
        "In recent weeks, attacks became more frequent.",
        "2020-09-29",
        "recent weeks",
        TimexType::Date,
        "PAST_REF",
        None,
        None,
    ),
    (
        "Prices are now falling.",
        "2020-09-29",
        "now",
        TimexType::Date,
        "PRESENT_REF",
        None,
        Some("2020-09-29"),
    ),
    (
        "Officials recently met.",
        "2020-09-29",
        "recently",
        TimexType::Date,
        "PAST_REF",
        None,
        None,
    ),
    // parts of the day and clock times
    (
        "Shots rang out Sunday night.",
        "2020-09-29",
        "Sunday night",
        TimexType::Date,
        "2020-09-27TNI",
        None,
        Some("2020-09-27"),
    ),
    (
        "The curfew starts at 8 PM.",
        "2020-09-29",
        "8 PM",
        TimexType::Time,
        "2020-09-29T20:00",
        None,
        Some("2020-09-29"),
    ),
    (
        "The blast came at 20:30 local time.",
        "2020-09-29",
        "20:30 local time",
        TimexType::Time,
        "2020-09-29T20:30",
        None,
        Some("2020-09-29"),
    ),
    // durations
    (
        "The siege lasted two weeks.",
        "2020-09-29",
        "two weeks",
        TimexType::Duration,
        "P2W",
        None,
        None,
    ),
    (
        "A decade of war followed.",
        "2020-09-29",
        "A decade",
        TimexType::Duration,
        "P10Y",
        None,
        None,
    ),
    (
        "He spent several years abroad.",
        "2020-09-29",
        "several years",
        TimexType::Duration,
        "PXY",
        None,
        None,
    ),
    (
        "The talks took 24 hours.",
        "2020-09-29",
        "24 hours",
        TimexType::Duration,
        "PT24H",
        None,
        None,
    ),
    // sets
    (
        "Rockets fall every week.",
        "2020-09-29",
        "every week",
        TimexType::Set,
        "P1W",
        None,
        None,
    ),
    (
        "Markets open each Monday.",
        "2020-09-29",
        "each Monday",
        TimexType::Set,
        "XXXX-WXX-1",
        None,
        None,
    ),
    (
        "Patrols run daily.",
        "2020-09-29",
        "daily",
        TimexType::Set,
        "P1D",
        None,
        None,
    ),
    (
        "The envoys meet twice a week.",
        "2020-09-29",
        "twice a week",
        TimexType::Set,
        "P1W",
        None,
        None,
    ),
    (
        "The cuts save $500 million a year.",
        "2020-09-29",
        "a year",
        TimexType::Set,
        "P1Y",
        None,
        None,
    ),
    (
        "The repairs took a year.",
        "2020-09-29",
        "a year",
        TimexType::Duration,
        "P1Y",
        None,
        None,
    ),
    // holidays
    (
        "Troops left on Thanksgiving Day.",
        "1999-12-10",
        "Thanksgiving Day",
        TimexType::Date,
        "1999-11-25",
        None,
        Some("1999-11-25"),
    ),
    (
        "Polls close on Election Day.",
        "1998-10-26",
        "Election Day",
        TimexType::Date,
        "1998-11-03",
        None,
        Some("1998-11-03"),
    ),
    (
        "The truce held last Easter.",
        "2000-06-01",
        "last Easter",
        TimexType::Date,
        "2000-04-23",
        None,
        Some("2000-04-23"),
    ),
    // quarters, halves, seasons, centuries
    (
        "Profit rose in the third quarter.",
        "2020-11-02",
        "the third quarter",
        TimexType::Date,
        "2020-Q3",
        None,
        Some("2020-Q3"),
    ),
    (
        "Profit rose in the first half of 2019.",
        "2020-11-02",
        "the first half of 2019",
        TimexType::Date,
        "2019-H1",
        None,
        Some("2019-H1"),
    ),
    (
        "Fighting resumed this summer.",
        "2020-11-02",
        "this summer",
        TimexType::Date,
        "2020-SU",
        None,
        Some("2020-SU"),
    ),
    (
        "Borders drawn in the 20th century.",
        "2020-11-02",
        "the 20th century",
        TimexType::Date,
        "19",
        None,
        Some("19XX"),
    ),
];

#[test]
fn each_kind_of_expression_resolves_as_pinned() {
    for (text, dct, expr, kind, value, modifier, date) in CASES {
        let found = tag(text, day(dct), DocType::News);
        let t = found
            .iter()
            .find(|t| t.text == *expr)
            .unwrap_or_else(|| panic!("{expr:?} not found in {text:?}: {found:?}"));
        assert_eq!(t.kind, *kind, "{expr}");
        assert_eq!(t.value, *value, "{expr}");
        assert_eq!(t.modifier.as_deref(), *modifier, "{expr}");
        if let Some(d) = date {
            assert_eq!(
                t.date.as_ref().map(|d| d.to_string()).as_deref(),
                Some(*d),
                "{expr}"
            );
        }
    }
}

/// The words around an expression decide which day, month or year it
/// is: (sentence, reference date, expression, value). 2020-09-29 is a
/// Tuesday.
const IN_CONTEXT: &[(&str, &str, &str, &str)] = &[
    // tense: the nearest cue in the clause
    (
        "The talks ended Friday.",
        "2020-09-29",
        "Friday",
        "2020-09-25",
    ),
    (
        "The talks will resume Friday.",
        "2020-09-29",
        "Friday",
        "2020-10-02",
    ),
    (
        "Officials said the talks will resume Friday.",
        "2020-09-29",
        "Friday",
        "2020-10-02",
    ),
    (
        "The hearing is set to open on Wednesday.",
        "2020-09-29",
        "Wednesday",
        "2020-09-30",
    ),
    (
        "The markets stay closed until Friday.",
        "2020-09-29",
        "Friday",
        "2020-10-02",
    ),
    (
        "Until Friday, they had not called him a suspect.",
        "2020-09-29",
        "Friday",
        "2020-09-25",
    ),
    (
        "He may come as soon as Thursday.",
        "2020-09-29",
        "Thursday",
        "2020-10-01",
    ),
    (
        "They will appeal Wednesday's ruling.",
        "2020-09-29",
        "Wednesday",
        "2020-09-23",
    ),
    (
        "The summit meets Tuesday, officials said.",
        "2020-09-29",
        "Tuesday",
        "2020-09-29",
    ),
    (
        "The truce had been due to lapse Friday evening.",
        "2020-09-29",
        "Friday evening",
        "2020-09-25TEV",
    ),
    (
        "The talks will resume Tuesday.",
        "2020-09-29",
        "Tuesday",
        "2020-09-29",
    ),
    // months and month-days follow the tense
    (
        "The boat sank in late November.",
        "2021-04-01",
        "late November",
        "2020-11",
    ),
    (
        "Both states are expected to sign in April.",
        "2020-12-05",
        "April",
        "2021-04",
    ),
    (
        "The deal should be completed in October.",
        "2020-06-05",
        "October",
        "2020-10",
    ),
    (
        "Fares have eased since the middle of October.",
        "2021-02-23",
        "the middle of October",
        "2020-10",
    ),
    (
        "It gave them until mid-November to answer.",
        "2020-10-30",
        "mid-November",
        "2020-11",
    ),
    (
        "In the fiscal year ended Jan. 31, sales rose.",
        "2020-10-31",
        "Jan. 31",
        "2020-01-31",
    ),
    (
        "The offer had been set to expire Nov. 6.",
        "2020-11-02",
        "Nov. 6",
        "2020-11-06",
    ),
    (
        "He will succeed Daniel P. Davison Feb. 1.",
        "1989-10-26",
        "Feb. 1",
        "1990-02-01",
    ),
    (
        "The bank created a new office, effective Feb. 1.",
        "1989-10-26",
        "Feb. 1",
        "1990-02-01",
    ),
    (
        "The talks collapsed at noon Thursday.",
        "1998-02-13",
        "noon Thursday",
        "1998-02-12T12:00",
    ),
    (
        "Islam will one day be the second religion.",
        "1998-03-03",
        "one day",
        "FUTURE_REF",
    ),
    (
        "Then, a week or so ago, he picked the day.",
        "1991-02-25",
        "a week or so ago",
        "1991-02-18",
    ),
    (
        "The index has risen since year-end.",
        "1989-10-30",
        "year-end",
        "1988-12-31",
    ),
    (
        "The current quarter has begun well.",
        "1989-10-26",
        "The current quarter",
        "1989-Q4",
    ),
    (
        "Protesters prayed as Easter week began.",
        "2000-04-17",
        "Easter week",
        "2000-W16",
    ),
    (
        "Sales rose over the Thanksgiving weekend.",
        "1999-12-01",
        "Thanksgiving weekend",
        "1999-W47-WE",
    ),
    (
        "Traffic peaked on Labor Day weekend.",
        "2020-09-29",
        "Labor Day weekend",
        "2020-W36-WE",
    ),
    (
        "Net fell from the year-earlier third quarter.",
        "1989-10-27",
        "year-earlier third quarter",
        "1988-Q3",
    ),
    (
        "He went the day before yesterday.",
        "2000-02-24",
        "the day before yesterday",
        "2000-02-22",
    ),
    (
        "The day before last Tuesday's hearing, he left.",
        "2000-02-24",
        "The day before last Tuesday",
        "2000-02-21",
    ),
    // years named after a month or season, spoken or relative
    (
        "But in June last year, the leaders fell out.",
        "2020-02-19",
        "June last year",
        "2019-06",
    ),
    (
        "The process began in February this year.",
        "2020-12-03",
        "February this year",
        "2020-02",
    ),
    (
        "January nineteen ninety-seven.",
        "1998-02-27",
        "January nineteen ninety-seven",
        "1997-01",
    ),
    (
        "We saw it in the winter of nineteen ninety-four.",
        "1998-02-23",
        "winter of nineteen ninety-four",
        "1994-WI",
    ),
    (
        "He promised it by the year two thousand.",
        "1998-02-05",
        "the year two thousand",
        "2000",
    ),
    (
        "Those not renewed after October of next year get a letter.",
        "2009-05-15",
        "October",
        "2010-10",
    ),
    // periods of reports
    (
        "Sales fell in February from the same period last year.",
        "2010-03-03",
        "the same period last year",
        "2009-02",
    ),
    (
        "It earned more for the year ended March 31.",
        "2020-10-31",
        "the year",
        "P1Y",
    ),
    (
        "Costs will fall by year's end.",
        "2020-10-26",
        "year's end",
        "2020",
    ),
    (
        "Rains delayed planting earlier in the year.",
        "2020-10-26",
        "earlier in the year",
        "2020",
    ),
    (
        "Profits rose in the first two quarters of 2021.",
        "2020-10-26",
        "first two quarters of 2021",
        "2021-H1",
    ),
    (
        "Losses mount for the last half of 2020.",
        "2020-10-26",
        "last half of 2020",
        "2020-H2",
    ),
    (
        "It posted two consecutive quarters of losses.",
        "2020-10-26",
        "two consecutive quarters",
        "P2Q",
    ),
    (
        "It will not change for a couple of years.",
        "2020-10-26",
        "a couple of years",
        "P2Y",
    ),
    (
        "The strike began this past spring.",
        "2020-10-26",
        "this past spring",
        "2020-SP",
    ),
    // clock times take the day their sentence names
    (
        "The first flight left Tuesday in Everett at 18:00 UTC.",
        "2020-09-30",
        "18:00 UTC",
        "2020-09-29T18:00Z",
    ),
    (
        "At 0800 UTC, the banks acted.",
        "2020-09-29",
        "0800 UTC",
        "2020-09-29T08:00Z",
    ),
    // a weekday joins only a date that falls on it
    (
        "Markets stay closed until Friday September 18, 2008 The government",
        "2008-09-18",
        "Friday",
        "2008-09-19",
    ),
    (
        "A hearing is set for the week of March 6, he said.",
        "2000-02-24",
        "the week of March 6",
        "2000-W10",
    ),
    (
        "He was shot last Oct. 23 at his home.",
        "2000-02-24",
        "last Oct. 23",
        "1999-10-23",
    ),
    (
        "Shipments resume within two to three weeks.",
        "2020-09-29",
        "two to three weeks",
        "P2W",
    ),
    (
        "The summit is on April 24 and 25.",
        "1999-02-10",
        "25",
        "1999-04-25",
    ),
    (
        "By mid afternoon, the operation was over.",
        "1998-03-06",
        "mid afternoon",
        "1998-03-06TAF",
    ),
    (
        "In London at mid-afternoon yesterday, shares rose.",
        "1989-11-02",
        "mid-afternoon yesterday",
        "1989-11-01TAF",
    ),
    (
        "He appears before the judge at midday.",
        "1999-10-08",
        "midday",
        "1999-10-08T12:00",
    ),
    (
        "They lived in camps for 2 1/2 years.",
        "1998-02-27",
        "2 1/2 years",
        "P2Y6M",
    ),
    (
        "But a minute and a half later, a pilot calls in.",
        "1998-01-14",
        "a minute and a half",
        "PT1M30S",
    ),
    // "six weeks ago" names a week, "two weeks ago" about a day
    (
        "They tried to cross six weeks ago.",
        "2020-09-29",
        "six weeks ago",
        "2020-W34",
    ),
    (
        "They tried to cross two weeks ago.",
        "2020-09-29",
        "two weeks ago",
        "2020-09-15",
    ),
    // "previous" and "following" count from the day or month last named
    (
        "Turnout on Friday was 3% below the previous Friday.",
        "2020-09-29",
        "previous Friday",
        "2020-09-18",
    ),
    (
        "In March the union rejected the offer. The following month it called a strike.",
        "2020-09-29",
        "following month",
        "2020-04",
    ),
    (
        "The union called a strike on Monday. Two days later the mines closed.",
        "2020-10-02",
        "Two days later",
        "2020-09-30",
    ),
    (
        "The index rose on Friday, ending the day at 5,120.",
        "2009-04-04",
        "the day",
        "2009-04-03",
    ),
    (
        "During the day Friday, the boy played in the yard.",
        "2020-09-29",
        "Friday",
        "2020-09-25",
    ),
    (
        "The blast came at 8 p.m. two days ago.",
        "2020-09-29",
        "8 p.m. two days ago",
        "2020-09-27T20:00",
    ),
    // after a verb of commitment, the infinitive's time lies ahead
    (
        "The alliance has decided to admit Chile, Peru and the two islands in early March.",
        "2020-02-10",
        "early March",
        "2020-03",
    ),
    (
        "The firm agreed to sell its bakery unit for $3 million in February.",
        "2020-10-30",
        "February",
        "2021-02",
    ),
    // an expression that opens its sentence belongs to the clause after
    // its comma
    (
        "On Friday, the council will vote on the budget.",
        "2020-09-29",
        "Friday",
        "2020-10-02",
    ),
    (
        "On Friday, the ministry planned to pay the first claims.",
        "2020-09-29",
        "Friday",
        "2020-09-25",
    ),
    (
        "On Tuesday, the Farmers and Growers Union plans to hold a rally.",
        "2020-09-28",
        "Tuesday",
        "2020-09-29",
    ),
    (
        "The union announced plans to strike, officials said Tuesday.",
        "2020-09-28",
        "Tuesday",
        "2020-09-22",
    ),
    // a forward cue far off in the sentence, with nothing nearer
    (
        "The ministry said new ferries would sail from the northern port in spring, with a third crossing each week from August 6.",
        "2020-02-13",
        "August 6",
        "2020-08-06",
    ),
    // a running count has reached the story's day or week
    (
        "Schools stayed closed for a second consecutive day.",
        "2020-09-29",
        "second consecutive day",
        "2020-09-29",
    ),
    (
        "On Friday, the third day of the strike, talks failed.",
        "2020-09-29",
        "third day",
        "2020-09-25",
    ),
    (
        "Protests grew for the fourth week in a row.",
        "2020-09-29",
        "fourth week",
        "2020-W40",
    ),
    (
        "The talks collapsed on Monday. The envoy left the same day.",
        "2020-09-30",
        "same day",
        "2020-09-28",
    ),
    (
        "The talks collapsed on Monday. The envoy left the next day.",
        "2020-09-30",
        "the next day",
        "2020-09-29",
    ),
    (
        "The talks collapsed on Monday. Earlier that day the envoy met the king.",
        "2020-09-30",
        "Earlier that day",
        "2020-09-28",
    ),
    (
        "The March vote will open the door to more aid.",
        "2020-02-10",
        "March",
        "2020-03",
    ),
    (
        "The ministry plans to reopen the port by the end of the month.",
        "2020-09-14",
        "the end of the month",
        "2020-09",
    ),
    (
        "It ended a decades-long dispute.",
        "2020-09-29",
        "decades-long",
        "PXY",
    ),
    (
        "The envoys held a day-long meeting.",
        "2020-09-29",
        "day-long",
        "P1D",
    ),
    (
        "The town fell in the first hours of the offensive.",
        "2020-09-29",
        "the first hours",
        "PTXH",
    ),
    (
        "The bonds will mature in five years.",
        "1989-11-02",
        "five years",
        "1994",
    ),
    (
        "The plant may, in a year or two, reopen.",
        "1998-03-31",
        "a year or two",
        "FUTURE_REF",
    ),
    (
        "It was her third visit in two weeks.",
        "2000-02-16",
        "two weeks",
        "P2W",
    ),
    (
        "The army will withdraw within five years.",
        "1989-10-26",
        "five years",
        "P5Y",
    ),
    (
        "Nobody should leave at this crucial moment.",
        "2020-09-29",
        "this crucial moment",
        "PRESENT_REF",
    ),
    (
        "The talks may stall for a while.",
        "2020-09-29",
        "a while",
        "PXX",
    ),
    (
        "Profits rose in the quarter ended July 31.",
        "1989-10-30",
        "the quarter",
        "1989-Q2",
    ),
    (
        "Prices climbed in the last few months.",
        "2020-09-29",
        "the last few months",
        "PAST_REF",
    ),
    (
        "For the past few weeks the border stayed shut.",
        "2020-09-29",
        "the past few weeks",
        "PXW",
    ),
    (
        "Fighting may spread in the weeks ahead.",
        "2020-09-29",
        "the weeks ahead",
        "PXW",
    ),
    (
        "It will raise the money at a later date.",
        "2020-09-29",
        "a later date",
        "FUTURE_REF",
    ),
    (
        "Aid must arrive as soon as possible.",
        "2020-09-29",
        "as soon as possible",
        "FUTURE_REF",
    ),
    // clock times told by the part of the day
    (
        "The convoy will leave at 4 in the morning.",
        "2000-04-05",
        "4 in the morning",
        "2000-04-05T04:00",
    ),
    (
        "The vigil ends at 8 in the evening.",
        "2000-04-05",
        "8 in the evening",
        "2000-04-05T20:00",
    ),
    (
        "Shots were heard at 11 at night.",
        "2000-04-05",
        "11 at night",
        "2000-04-05T23:00",
    ),
    // a stretch of unsaid length
    (
        "The rules have changed over the years.",
        "2020-09-29",
        "the years",
        "PXY",
    ),
    (
        "Stocks rose on Friday but fell back later in the day.",
        "2009-04-04",
        "later in the day",
        "2009-04-03",
    ),
    (
        "This is a lesson for today's youth.",
        "2020-09-29",
        "today",
        "PRESENT_REF",
    ),
    // sets of months, references to a time gone by
    (
        "Pilgrims gather there each July.",
        "2020-09-29",
        "each July",
        "XXXX-07",
    ),
    (
        "Tenants paid half the then current rent.",
        "2020-09-29",
        "then current",
        "PAST_REF",
    ),
    // a place, a deadline, a span to date, a fixture
    (
        "Dozens were hurt when a fire broke out in a shop next to the station Friday.",
        "2020-09-29",
        "Friday",
        "2020-09-25",
    ),
    (
        "The loans run through January.",
        "2020-09-29",
        "January",
        "2021-01",
    ),
    (
        "Sales were flat this year through August.",
        "2020-09-29",
        "August",
        "2020-08",
    ),
    (
        "The two leaders meet Monday in Geneva.",
        "2020-09-29",
        "Monday",
        "2020-10-05",
    ),
];

#[test]
fn a_happening_the_text_dated_anchors_what_is_counted_from_it() {
    let text = "The envoy was shot dead last Oct. 23 outside his home. \
                On Tuesday, officials discussed the shooting. \
                A neighbour noticed a van ten days before the shooting, and again \
                at 6 a.m. five days before the shooting. \
                Police searched the street the day after his death.";
    let found = tag(text, day("1999-04-19"), DocType::News);
    let value = |e: &str| found.iter().find(|t| t.text == e).map(|t| t.value.clone());
    // The first dating holds: Tuesday's discussion does not move it.
    assert_eq!(
        value("ten days before the shooting").as_deref(),
        Some("1998-10-13")
    );
    // A clock time takes the day that follows it.
    assert_eq!(
        value("6 a.m. five days before the shooting").as_deref(),
        Some("1998-10-18T06:00")
    );
    assert_eq!(
        value("the day after his death").as_deref(),
        Some("1998-10-24")
    );
    // "In the weeks before" it: about its month.
    let found = tag(
        "Prosecutors on Thursday charged a man with the killing. The judge was \
         shot on the night of Oct. 23. A grey van was seen in the weeks before \
         the shooting.",
        day("1999-05-06"),
        DocType::News,
    );
    let weeks = found
        .iter()
        .find(|t| t.text == "the weeks before the shooting")
        .unwrap_or_else(|| panic!("{found:?}"));
    // The day written with its number outranks Thursday's mention.
    assert_eq!(weeks.value, "1998-10");
    // A clock time beside it, with no day of its own, is on its day.
    let found = tag(
        "The mayor was shot dead last Oct. 23. He was shot at 10 p.m. outside his office.",
        day("1999-04-19"),
        DocType::News,
    );
    let clock = found.iter().find(|t| t.text == "10 p.m.").unwrap();
    assert_eq!(clock.value, "1998-10-23T22:00");
    // Undated, it stays a length of time.
    let found = tag(
        "They met two weeks before the election.",
        day("2020-09-29"),
        DocType::News,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].value, "P2W");
}

#[test]
fn the_next_day_needs_a_day_to_follow() {
    let found = tag(
        "The envoy left the next day.",
        day("2020-09-30"),
        DocType::News,
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_age_is_not_a_decade() {
    for text in ["She is in her 30s.", "men in their early 20s"] {
        let found = tag(text, day("2020-09-29"), DocType::News);
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn context_decides_the_day_month_and_year() {
    for (text, dct, expr, value) in IN_CONTEXT {
        let found = tag(text, day(dct), DocType::News);
        let t = found
            .iter()
            .find(|t| t.text.contains(expr))
            .unwrap_or_else(|| panic!("{expr:?} not found in {text:?}: {found:?}"));
        assert_eq!(t.value, *value, "{expr:?} in {text:?}");
    }
}

#[test]
fn conversation_reads_a_forward_cue_anywhere_in_the_sentence() {
    // In news, a far cue counts only if it is the nearest and looks ahead;
    // in conversation any forward cue in the sentence does.
    let text = "I will, if the weather that was so bad holds and my brother lends me his old car for the trip, see you Friday.";
    let value = |doc_type| {
        tag(text, day("2020-09-29"), doc_type)
            .into_iter()
            .find(|t| t.text == "Friday")
            .map(|t| t.value)
    };
    assert_eq!(value(DocType::News).as_deref(), Some("2020-09-25"));
    assert_eq!(value(DocType::Colloquial).as_deref(), Some("2020-10-02"));
}

#[test]
fn threats_of_ambiguity_are_not_dates() {
    for text in [
        "Baker said on ABC's This Week that talks go on.",
        "You may go.",
        "They march on.",
        "A 6-year-old boy.",
        "It cost $2000.",
        "He paid 1500 dollars.",
        "They joined the March on Washington.",
        "Guards stood there 24 hours a day, seven days a week.",
        "It was seen in the days before the vote.",
        "For the rebels, high noon has come.",
        "She gave an interview to '60 Minutes.",
        "They marched in the Summer of Peace rallies.",
    ] {
        let found = tag(text, day("2020-09-29"), DocType::News);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn narrative_text_counts_from_the_last_date_it_mentioned() {
    let text = "On March 3, 1918, the treaty was signed. Two days later, fighting stopped. On Monday, troops left.";
    let found = tag(text, day("2020-01-01"), DocType::Narrative);
    let value = |e: &str| found.iter().find(|t| t.text == e).map(|t| t.value.clone());
    assert_eq!(value("March 3, 1918").as_deref(), Some("1918-03-03"));
    // A gap after a date names the day it reaches: a date.
    let gap = found.iter().find(|t| t.text == "Two days later").unwrap();
    assert_eq!(gap.value, "1918-03-05");
    assert_eq!(
        gap.date.as_ref().map(|d| (d.earliest(), d.latest())),
        Some((day("1918-03-05"), day("1918-03-05")))
    );
    // The story moves forward: the Monday after the last day it told of.
    assert_eq!(value("Monday").as_deref(), Some("1918-03-11"));
    let news = tag(
        "On Monday, troops left.",
        day("2020-01-01"),
        DocType::Narrative,
    );
    assert_eq!(
        news[0].value, "XXXX-WXX-1",
        "no date mentioned yet: underspecified, not invented"
    );
}

#[test]
fn the_article_resolves_against_its_publication_date() {
    let out = run_in(
        &root(),
        &[
            "timex",
            "--dct",
            "2020-09-29",
            "examples/2020-09-29-us-iraq-embassy-evacuation.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find = |text: &str| {
        lines
            .iter()
            .find(|l| l["text"] == text)
            .unwrap_or_else(|| panic!("{text} missing"))
    };
    let a_week_ago = find("A week ago");
    assert_eq!(a_week_ago["value"], "2020-09-22");
    assert_eq!(a_week_ago["earliest"], "2020-09-20");
    assert_eq!(a_week_ago["latest"], "2020-09-24");
    let late = find("Late last week");
    assert_eq!(
        (late["value"].as_str(), late["mod"].as_str()),
        (Some("2020-W39"), Some("END"))
    );
    assert_eq!(
        (late["earliest"].as_str(), late["latest"].as_str()),
        (Some("2020-09-25"), Some("2020-09-27"))
    );
    assert_eq!(find("last Monday")["value"], "2020-09-28");
    assert_eq!(find("January 3, 2020")["value"], "2020-01-03");
    assert_eq!(find("recent weeks")["value"], "PAST_REF");
    assert_eq!(find("last week")["value"], "2020-W39");
    // Offsets are code points: the curly quotes before them are one each.
    let text =
        std::fs::read_to_string(root().join("examples/2020-09-29-us-iraq-embassy-evacuation.txt"))
            .unwrap();
    let chars: Vec<char> = text.chars().collect();
    let (b, e) = (
        a_week_ago["begin"].as_u64().unwrap() as usize,
        a_week_ago["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[b..e].iter().collect::<String>(), "A week ago");
}

#[test]
fn a_bad_batch_line_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docs.jsonl");
    std::fs::write(
        &path,
        "{\"id\": \"a\", \"dct\": \"2020-09-29\", \"text\": \"It rained yesterday.\"}\n{\"id\": \"b\", \"dct\": \"2020-02-30\", \"text\": \"x\"}\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["timex", "--docs", "docs.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"doc\":\"a\""));
    assert!(String::from_utf8_lossy(&out.stderr).contains("docs.jsonl:2:1: error"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_input_panics_and_spans_are_inside_the_text(text in "(\\PC|[0-9 /:.'-]|May|Monday|last|week|ago){0,200}") {
        let found = tag(&text, day("2020-09-29"), DocType::News);
        let chars = text.chars().count();
        let mut last_end = 0;
        for t in &found {
            prop_assert!(t.begin < t.end && t.end <= chars);
            prop_assert!(t.begin >= last_end, "overlap");
            prop_assert!(text.is_char_boundary(t.byte_begin) && text.is_char_boundary(t.byte_end));
            prop_assert_eq!(&text[t.byte_begin..t.byte_end], t.text.as_str());
            last_end = t.end;
        }
    }

    /// Random sentences made of the words the rules look for, so that the
    /// rules themselves (not only the scanner) meet odd neighbours.
    #[test]
    fn temporal_word_salad_does_not_panic(
        words in prop::collection::vec(prop::sample::select(SALAD), 0..40),
        doc_type in prop::sample::select(&[DocType::News, DocType::Narrative, DocType::Colloquial][..]),
    ) {
        let text = words.join(" ");
        let found = tag(&text, day("2020-09-29"), doc_type);
        let mut last_end = 0;
        for t in &found {
            prop_assert!(t.begin < t.end && t.begin >= last_end);
            prop_assert_eq!(&text[t.byte_begin..t.byte_end], t.text.as_str());
            last_end = t.end;
        }
    }

    #[test]
    fn long_inputs_do_not_panic(word in "[A-Za-z0-9]{1,12}", n in 1usize..2000) {
        let text = format!("{word} ").repeat(n);
        let _ = tag(&text, day("2020-09-29"), DocType::Colloquial);
    }
}

/// The vocabulary of [`temporal_word_salad_does_not_panic`].
const SALAD: &[&str] = &[
    "until",
    "by",
    "since",
    "as",
    "soon",
    "early",
    "mid",
    "-",
    "late",
    "the",
    "end",
    "of",
    "a",
    "an",
    "couple",
    "same",
    "period",
    "that",
    "earlier",
    "later",
    "in",
    "day",
    "week",
    "month",
    "year",
    "quarter",
    "quarters",
    "half",
    "first",
    "last",
    "next",
    "this",
    "past",
    "ago",
    "November",
    "May",
    "Friday",
    "Sunday",
    "night",
    "morning",
    "spring",
    ",",
    ".",
    ";",
    "10",
    "p.m.",
    "0800",
    "UTC",
    "GMT",
    "1990",
    "2020",
    "29",
    "9/29/2020",
    "nineteen",
    "ninety-four",
    "two",
    "thousand",
    "and",
    "has",
    "have",
    "been",
    "will",
    "said",
    "to",
    "be",
    "had",
    "was",
    "'",
    "s",
    "'80s",
    "1990s",
    "century",
    "decade",
    "weeks",
    "six",
    "consecutive",
    "noon",
    "midnight",
    "Christmas",
    "Easter",
    "fiscal",
    "ended",
    "year-end",
    "now",
    "recent",
    "every",
    "daily",
    "1/2",
    "Sept.",
    "(Reuters)",
    "BAGHDAD",
];

/// Values of the expressions of a narrative text, in order.
fn story(text: &str) -> Vec<(String, String)> {
    tag(text, day("2009-12-19"), DocType::Narrative)
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn a_story_takes_its_year_from_the_last_date_it_told() {
    // A year alone moves the story; a month-day without a year takes it.
    assert_eq!(
        story("In 1940 the army advanced. On June 10, Italy declared war. Twelve days later, France signed."),
        pairs(&[
            ("1940", "1940"),
            ("June 10", "1940-06-10"),
            ("Twelve days later", "1940-06-22"),
        ])
    );
}

#[test]
fn a_story_moves_forward_to_the_next_year_only_when_far_behind() {
    // "April" after September 1939 is the next April...
    assert_eq!(
        story("On September 1, 1939, Germany attacked Poland. In April, it invaded Norway."),
        pairs(&[("September 1, 1939", "1939-09-01"), ("April", "1940-04")])
    );
    // ...but a month a little behind stays in the story's year: no move
    // backward into the last year without a reason.
    assert_eq!(
        story("In September 1940 the Blitz began. Italy had attacked Malta in June, and Greece in October."),
        pairs(&[
            ("September 1940", "1940-09"),
            ("June", "1940-06"),
            ("October", "1940-10"),
        ])
    );
}

#[test]
fn a_story_counts_later_that_month_and_the_following_year_from_its_point() {
    assert_eq!(
        story("The landing began on July 9, 1943. Later that month, Mussolini fell. The following year, Rome was taken. The previous year had been worse."),
        pairs(&[
            ("July 9, 1943", "1943-07-09"),
            ("Later that month", "1943-07"),
            ("The following year", "1944"),
            ("The previous year", "1943"),
        ])
    );
}

#[test]
fn an_aside_does_not_move_the_story() {
    // "since 513 BC" bounds a state; the story stays in 492 BC.
    assert_eq!(
        story("The first campaign, in 492 BC, re-subjugated Thrace, which had been Persian since 513 BC. The following year, envoys were sent."),
        pairs(&[
            ("492 BC", "BC0492"),
            ("513 BC", "BC0513"),
            ("The following year", "BC0491"),
        ])
    );
    // A plan for a later year does not move the story there either.
    assert_eq!(
        story("On 10 March 1975 the offensive began, so that the coast would be open for a campaign in 1976. On 11 March, the defence collapsed."),
        pairs(&[
            ("10 March 1975", "1975-03-10"),
            ("1976", "1976"),
            ("11 March", "1975-03-11"),
        ])
    );
}

#[test]
fn years_in_a_range_are_years() {
    assert_eq!(
        story("The Eastern Theater 1861-1863 and the battle of 2007-08 were long."),
        pairs(&[
            ("1861", "1861"),
            ("1863", "1863"),
            ("2007", "2007"),
            ("08", "2008"),
        ])
    );
    let news = tag("Sales rose in 1957-58.", day("1960-01-01"), DocType::News);
    let v: Vec<&str> = news.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(v, ["1957", "1958"]);
}

#[test]
fn a_range_of_days_takes_its_month() {
    assert_eq!(
        story("In 1915 the armies met on April 6-7 and again on 13-15 May."),
        pairs(&[
            ("1915", "1915"),
            ("April 6", "1915-04-06"),
            ("7", "1915-04-07"),
            ("13", "1915-05-13"),
            ("15 May", "1915-05-15"),
        ])
    );
}

#[test]
fn a_range_of_months_starts_before_it_ends() {
    assert_eq!(
        story("They landed in March 1945. The army fought from October to March, then took Rangoon by May 3."),
        pairs(&[
            ("March 1945", "1945-03"),
            ("October", "1944-10"),
            ("March", "1945-03"),
            ("May 3", "1945-05-03"),
        ])
    );
}

#[test]
fn what_counts_from_the_time_of_speaking_leaves_the_story_where_it_is() {
    assert_eq!(
        story("On 1 May 1975 he said: \"Two years ago we were strong.\" On 25 April, Saigon fell. With the fall of the city, the war ended."),
        pairs(&[
            ("1 May 1975", "1975-05-01"),
            ("Two years ago", "1973"),
            ("25 April", "1975-04-25"),
        ])
    );
}

#[test]
fn the_next_morning_needs_a_day_of_the_stories_month() {
    // The story has moved on to 1904: 1903's day is no longer its day.
    assert_eq!(
        story("On 3 March 1903 talks began. In February 1904 the fleet sailed. The next morning, it attacked."),
        pairs(&[("3 March 1903", "1903-03-03"), ("February 1904", "1904-02")])
    );
}
