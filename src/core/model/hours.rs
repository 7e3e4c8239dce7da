//! OpenStreetMap `opening_hours`: a compact parser and evaluator for the part of the syntax
//! that cultural venues use (weekdays, public holidays, months, times, `off`, comments, `24/7`).
//!
//! A crate exists (`opening-hours-syntax`) and works in wasm, but it costs 41 KB gzip of the
//! 250 KB bundle (measured); this covers what the map needs in a few KB. The data check uses
//! the same parser, so every value it accepts is one the map can evaluate; anything outside
//! the subset is an error naming the part it cannot read.
//!
//! Time is Hanoi's wall-clock time (UTC+7, no daylight saving), passed in: nothing here reads
//! a clock.

use std::fmt;

const WEEKDAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Minutes in a day.
const DAY: u32 = 24 * 60;

/// A parsed `opening_hours` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningHours {
    rules: Vec<Rule>,
}

/// How one rule joins the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// `;` (or the first rule): replaces earlier rules on the days it names.
    Normal,
    /// `,`: adds to the rule before.
    Additional,
    /// `||`: used only when no earlier rule names the day.
    Fallback,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    join: Join,
    /// Months 0–11 the rule applies in (all when empty).
    months: Vec<(u8, u8)>,
    /// Weekdays 0 (Monday) – 6 the rule applies on; with `holiday`, empty means none.
    weekdays: Vec<(u8, u8)>,
    /// Whether the rule names `PH`.
    holiday: bool,
    /// Minute spans from midnight; the end may pass 24:00 into the next day.
    spans: Vec<(u32, u32)>,
    state: HoursState,
    comment: Option<String>,
}

/// Whether a place is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursState {
    /// Open.
    Open,
    /// Closed.
    Closed,
    /// The data says it is not known.
    Unknown,
}

/// A wall-clock moment in Hanoi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalDateTime {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
}

/// Why a value cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursError {
    /// Byte offset of the part that cannot be read.
    pub position: usize,
    /// The part itself.
    pub part: String,
}

impl fmt::Display for HoursError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read \"{}\" at position {}", self.part, self.position)
    }
}

/// Parses `text`.
///
/// # Errors
/// The first part outside the supported syntax, with its position.
pub fn parse(text: &str) -> Result<OpeningHours, HoursError> {
    let tokens = tokenize(text)?;
    Parser {
        tokens: &tokens,
        at: 0,
        text,
    }
    .hours()
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token<'a> {
    Word(&'a str),
    Time(u32),
    Number(u32),
    Comment(&'a str),
    Punct(&'a str),
}

fn tokenize(text: &str) -> Result<Vec<(usize, Token<'_>)>, HoursError> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let token = if c == b'"' {
            let end = text[i + 1..]
                .find('"')
                .map(|e| i + 1 + e)
                .ok_or_else(|| error(text, start))?;
            i = end + 1;
            Token::Comment(&text[start + 1..end])
        } else if c.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            Token::Word(&text[start..i])
        } else if c.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let number: u32 = text[start..i].parse().map_err(|_| error(text, start))?;
            if i < bytes.len() && bytes[i] == b':' {
                let minutes_start = i + 1;
                let end = minutes_start + 2;
                let minutes = text
                    .get(minutes_start..end)
                    .filter(|m| m.bytes().all(|b| b.is_ascii_digit()));
                let minutes: u32 = minutes
                    .and_then(|m| m.parse().ok())
                    .filter(|m| *m < 60)
                    .ok_or_else(|| error(text, start))?;
                if i - start != 2 || number > 48 {
                    return Err(error(text, start));
                }
                i = end;
                Token::Time(number * 60 + minutes)
            } else {
                Token::Number(number)
            }
        } else if text[i..].starts_with("||") {
            i += 2;
            Token::Punct("||")
        } else if matches!(c, b';' | b',' | b'-' | b'+' | b'/') {
            i += 1;
            Token::Punct(&text[start..i])
        } else {
            return Err(error(text, start));
        };
        tokens.push((start, token));
    }
    Ok(tokens)
}

/// The error for the part of `text` starting at `position` (up to the next space).
fn error(text: &str, position: usize) -> HoursError {
    let rest = text.get(position..).unwrap_or_default();
    let part = rest
        .split_whitespace()
        .next()
        .unwrap_or(rest)
        .chars()
        .take(20)
        .collect();
    HoursError { position, part }
}

struct Parser<'t, 'a> {
    tokens: &'t [(usize, Token<'a>)],
    at: usize,
    text: &'a str,
}

impl<'a> Parser<'_, 'a> {
    fn peek(&self) -> Option<&Token<'a>> {
        self.tokens.get(self.at).map(|(_, t)| t)
    }

    fn fail(&self) -> HoursError {
        let position = self.tokens.get(self.at).map_or(self.text.len(), |(p, _)| *p);
        error(self.text, position)
    }

    fn eat_punct(&mut self, punct: &str) -> bool {
        if self.peek() == Some(&Token::Punct(punct)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn hours(mut self) -> Result<OpeningHours, HoursError> {
        if self.tokens.is_empty() {
            return Err(self.fail());
        }
        if self.peek() == Some(&Token::Number(24))
            && self.tokens.get(self.at + 1).map(|t| &t.1) == Some(&Token::Punct("/"))
        {
            self.at += 2;
            if self.peek() != Some(&Token::Number(7)) {
                return Err(self.fail());
            }
            self.at += 1;
            let always = Rule::all_day(Join::Normal, HoursState::Open);
            let mut rules = vec![always];
            self.more_rules(&mut rules)?;
            return Ok(OpeningHours { rules });
        }
        let mut rules = vec![self.rule(Join::Normal)?];
        self.more_rules(&mut rules)?;
        Ok(OpeningHours { rules })
    }

    fn more_rules(&mut self, rules: &mut Vec<Rule>) -> Result<(), HoursError> {
        while self.at < self.tokens.len() {
            let join = if self.eat_punct(";") {
                Join::Normal
            } else if self.eat_punct("||") {
                Join::Fallback
            } else if self.eat_punct(",") {
                Join::Additional
            } else {
                return Err(self.fail());
            };
            if self.at == self.tokens.len() && join == Join::Normal {
                break; // a trailing semicolon is harmless
            }
            rules.push(self.rule(join)?);
        }
        Ok(())
    }

    fn rule(&mut self, join: Join) -> Result<Rule, HoursError> {
        let mut rule = Rule::all_day(join, HoursState::Open);
        rule.spans.clear();
        rule.months = self.ranges(&MONTHS)?;
        let (weekdays, holiday) = self.weekdays()?;
        rule.weekdays = weekdays;
        rule.holiday = holiday;
        rule.spans = self.spans()?;
        let mut has_modifier = false;
        if let Some(Token::Word(word)) = self.peek() {
            has_modifier = true;
            rule.state = match *word {
                "off" | "closed" => HoursState::Closed,
                "open" => HoursState::Open,
                "unknown" => HoursState::Unknown,
                _ => return Err(self.fail()),
            };
            self.at += 1;
        }
        if let Some(Token::Comment(comment)) = self.peek() {
            rule.comment = Some((*comment).to_owned());
            self.at += 1;
        }
        let selects_nothing = rule.months.is_empty() && rule.weekdays.is_empty() && !rule.holiday;
        if rule.spans.is_empty() && selects_nothing && rule.comment.is_none() && rule.state == HoursState::Open {
            return Err(self.fail());
        }
        if rule.spans.is_empty() {
            rule.spans.push((0, DAY));
            if !has_modifier && rule.comment.is_some() && selects_nothing {
                rule.state = HoursState::Unknown;
            }
        }
        Ok(rule)
    }

    /// Ranges of names from `names` (`Mo-Fr,Su`); empty when the next token is not one.
    fn ranges(&mut self, names: &[&str]) -> Result<Vec<(u8, u8)>, HoursError> {
        let mut out = Vec::new();
        while let Some(Token::Word(word)) = self.peek() {
            let Some(first) = index_of(names, word) else { break };
            self.at += 1;
            let mut last = first;
            if self.eat_punct("-") {
                let Some(Token::Word(word)) = self.peek() else {
                    return Err(self.fail());
                };
                last = index_of(names, word).ok_or_else(|| self.fail())?;
                self.at += 1;
            }
            out.push((first, last));
            // A comma continues the list only if another name follows.
            let continues = self.peek() == Some(&Token::Punct(","))
                && matches!(self.tokens.get(self.at + 1).map(|t| &t.1), Some(Token::Word(w)) if index_of(names, w).is_some());
            if !continues {
                break;
            }
            self.at += 1;
        }
        Ok(out)
    }

    fn weekdays(&mut self) -> Result<(Vec<(u8, u8)>, bool), HoursError> {
        let mut weekdays = Vec::new();
        let mut holiday = false;
        loop {
            if self.peek() == Some(&Token::Word("PH")) {
                self.at += 1;
                holiday = true;
            } else {
                let found = self.ranges(&WEEKDAYS)?;
                if found.is_empty() {
                    break;
                }
                weekdays.extend(found);
            }
            let continues = self.peek() == Some(&Token::Punct(","))
                && matches!(self.tokens.get(self.at + 1).map(|t| &t.1), Some(Token::Word(w)) if *w == "PH" || index_of(&WEEKDAYS, w).is_some());
            if !continues {
                break;
            }
            self.at += 1;
        }
        if let Some(Token::Word(word)) = self.peek()
            && !matches!(*word, "off" | "closed" | "open" | "unknown")
        {
            return Err(self.fail()); // SH, sunrise, week, easter, …: outside the subset
        }
        Ok((weekdays, holiday))
    }

    fn spans(&mut self) -> Result<Vec<(u32, u32)>, HoursError> {
        let mut spans = Vec::new();
        while let Some(Token::Time(start)) = self.peek() {
            let start = *start;
            let span_at = self.at;
            self.at += 1;
            let end = if self.eat_punct("+") {
                DAY
            } else if self.eat_punct("-") {
                let Some(Token::Time(end)) = self.peek() else {
                    return Err(self.fail());
                };
                let end = *end;
                self.at += 1;
                if end <= start { end + DAY } else { end }
            } else {
                return Err(self.fail());
            };
            if start >= DAY || end > 2 * DAY {
                self.at = span_at;
                return Err(self.fail());
            }
            spans.push((start, end));
            let continues = self.peek() == Some(&Token::Punct(","))
                && matches!(self.tokens.get(self.at + 1).map(|t| &t.1), Some(Token::Time(_)));
            if !continues {
                break;
            }
            self.at += 1;
        }
        Ok(spans)
    }
}

#[allow(clippy::cast_possible_truncation, reason = "the name lists have 7 and 12 entries")]
fn index_of(names: &[&str], word: &str) -> Option<u8> {
    names.iter().position(|n| n.eq_ignore_ascii_case(word)).map(|i| i as u8)
}

impl Rule {
    fn all_day(join: Join, state: HoursState) -> Self {
        Self {
            join,
            months: Vec::new(),
            weekdays: Vec::new(),
            holiday: false,
            spans: vec![(0, DAY)],
            state,
            comment: None,
        }
    }

    /// Whether the rule's selectors name `date`.
    fn names(&self, date: Date) -> bool {
        let in_range = |ranges: &[(u8, u8)], value: u8| {
            ranges.iter().any(|&(a, b)| {
                if a <= b {
                    (a..=b).contains(&value)
                } else {
                    value >= a || value <= b
                }
            })
        };
        let month_ok = self.months.is_empty() || in_range(&self.months, date.month - 1);
        let day_ok = if self.weekdays.is_empty() && !self.holiday {
            true
        } else {
            in_range(&self.weekdays, date.weekday()) || (self.holiday && date.is_public_holiday())
        };
        month_ok && day_ok
    }
}

impl OpeningHours {
    /// Whether the place is open at `at`, and the comment of the rule that decides.
    #[must_use]
    pub fn state_at(&self, at: LocalDateTime) -> (HoursState, Option<&str>) {
        let date = Date {
            year: at.year,
            month: at.month,
            day: at.day,
        };
        let minute = u32::from(at.hour) * 60 + u32::from(at.minute);
        // Spans of today, and of yesterday that run past midnight.
        let today = self.intervals(date);
        let yesterday = self.intervals(date.previous());
        let hit = today
            .iter()
            .filter(|(s, e, ..)| (*s..*e).contains(&minute))
            .chain(yesterday.iter().filter(|(s, e, ..)| (*s..*e).contains(&(minute + DAY))))
            .last();
        match hit {
            Some((_, _, state, comment)) => (*state, *comment),
            None => (HoursState::Closed, None),
        }
    }

    /// The spans in force on `date`, with their state and comment.
    fn intervals(&self, date: Date) -> Vec<(u32, u32, HoursState, Option<&str>)> {
        let mut out: Vec<(u32, u32, HoursState, Option<&str>)> = Vec::new();
        let mut named = false;
        for rule in &self.rules {
            if !rule.names(date) {
                continue;
            }
            match rule.join {
                Join::Fallback if named => continue,
                Join::Normal | Join::Fallback => out.clear(),
                Join::Additional => {}
            }
            named = true;
            out.extend(
                rule.spans
                    .iter()
                    .map(|&(s, e)| (s, e, rule.state, rule.comment.as_deref())),
            );
        }
        out
    }
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "month and day are small and positive by construction; years fit i32"
    )]
    fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    fn previous(self) -> Self {
        Self::from_days(self.days() - 1)
    }

    /// 0 for Monday … 6 for Sunday.
    #[allow(clippy::cast_possible_truncation, reason = "a value from 0 to 6")]
    fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.days() + 3).rem_euclid(7) as u8
    }

    fn is_public_holiday(self) -> bool {
        crate::core::model::holidays::is_public_holiday(self.year, self.month, self.day, self.days(), |d| {
            let date = Self::from_days(d);
            (date.year, date.month, date.day)
        })
    }
}

/// Hanoi's wall-clock time (UTC+7) at `unix_ms` milliseconds after the Unix epoch.
#[must_use]
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "hours and minutes are 0 to 59 by construction; realistic times fit i64"
)]
pub fn hanoi_now(unix_ms: f64) -> LocalDateTime {
    let minutes = (unix_ms / 60_000.0).floor() as i64 + 7 * 60;
    let days = minutes.div_euclid(i64::from(DAY));
    let minute_of_day = minutes.rem_euclid(i64::from(DAY));
    let date = Date::from_days(days);
    LocalDateTime {
        year: date.year,
        month: date.month,
        day: date.day,
        hour: (minute_of_day / 60) as u8,
        minute: (minute_of_day % 60) as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> LocalDateTime {
        LocalDateTime {
            year,
            month,
            day,
            hour,
            minute,
        }
    }

    fn state(hours: &str, when: LocalDateTime) -> HoursState {
        parse(hours).unwrap_or_else(|e| panic!("{hours}: {e}")).state_at(when).0
    }

    #[test]
    fn supported_forms_parse() {
        for ok in [
            "24/7",
            "Tu-Su 08:00-17:00",
            "Mo-Fr 08:00-11:30,13:30-17:00; Sa 08:00-12:00",
            "Mo-Fr 09:00-17:00; PH off",
            "Sa,Su,PH 10:00-22:00",
            "Fr-Mo 20:00-02:00",
            "Mo-Su 18:00+",
            "Jan-Mar Mo-Fr 09:00-16:00; Apr-Dec Mo-Fr 08:00-17:00",
            "Mo-Fr 08:00-12:00, We 14:00-18:00",
            "Mo-Fr 09:00-17:00 || \"by appointment\"",
            "Tu-Su 09:00-17:00; Mo off \"closed for maintenance\"",
            "Dec-Feb 09:00-16:00",
            "Mo-Su 06:00-24:00",
            "Mo-Fr 09:00-17:00;",
        ] {
            assert!(parse(ok).is_ok(), "{ok}: {:?}", parse(ok));
        }
    }

    #[test]
    fn unsupported_forms_name_the_part() {
        for (bad, part) in [
            ("8am to 5pm", "8am"),
            ("Mo-Fr sunrise-sunset", "sunrise-sunset"),
            ("Mo[1] 09:00-12:00", "[1]"),
            ("SH off", "SH"),
            ("week 1-52 Mo 09:00-10:00", "week"),
            ("Mo-Fr 25:00-26:00", "25:00-26:00"),
            ("Mo-Fr 09:00-17:00x", "x"),
            ("", ""),
            ("Mo-Fr 09:00", ""),
        ] {
            let error = parse(bad).expect_err(bad);
            assert_eq!(error.part, part, "{bad}: {error}");
        }
    }

    #[test]
    fn weekday_arithmetic() {
        assert_eq!(
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
            .weekday(),
            3,
            "Thursday"
        );
        assert_eq!(
            Date {
                year: 2026,
                month: 11,
                day: 24
            }
            .weekday(),
            1,
            "Tuesday"
        );
        assert_eq!(
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
            .previous(),
            Date {
                year: 2024,
                month: 2,
                day: 28
            }
        );
        assert_eq!(
            Date {
                year: 2026,
                month: 3,
                day: 1
            }
            .previous(),
            Date {
                year: 2026,
                month: 2,
                day: 28
            }
        );
    }

    #[test]
    fn hanoi_time() {
        assert_eq!(hanoi_now(0.0), at(1970, 1, 1, 7, 0));
        // 2026-11-24T12:00:00Z is 19:00 in Hanoi.
        assert_eq!(hanoi_now(1_795_521_600_000.0), at(2026, 11, 24, 19, 0));
        // 2026-11-24T18:30:00Z is already the 25th in Hanoi.
        assert_eq!(hanoi_now(1_795_545_000_000.0), at(2026, 11, 25, 1, 30));
    }

    #[test]
    fn weekday_and_time() {
        let hours = "Tu-Su 08:00-17:00";
        assert_eq!(state(hours, at(2026, 11, 23, 10, 0)), HoursState::Closed, "Monday");
        assert_eq!(
            state(hours, at(2026, 11, 24, 10, 0)),
            HoursState::Open,
            "Tuesday morning"
        );
        assert_eq!(
            state(hours, at(2026, 11, 24, 17, 0)),
            HoursState::Closed,
            "closing time"
        );
        assert_eq!(state(hours, at(2026, 11, 24, 7, 59)), HoursState::Closed);
    }

    #[test]
    fn lunch_break() {
        let hours = "Mo-Fr 08:00-11:30,13:30-17:00";
        assert_eq!(state(hours, at(2026, 11, 24, 12, 0)), HoursState::Closed);
        assert_eq!(state(hours, at(2026, 11, 24, 14, 0)), HoursState::Open);
    }

    #[test]
    fn past_midnight_belongs_to_the_day_before() {
        let hours = "Fr 20:00-02:00";
        assert_eq!(state(hours, at(2026, 11, 28, 1, 0)), HoursState::Open, "Saturday 01:00");
        assert_eq!(state(hours, at(2026, 11, 28, 3, 0)), HoursState::Closed);
        assert_eq!(state(hours, at(2026, 11, 27, 1, 0)), HoursState::Closed, "Friday 01:00");
    }

    #[test]
    fn public_holidays_override() {
        let hours = "Mo-Fr 09:00-17:00; PH off";
        assert_eq!(state(hours, at(2026, 2, 17, 10, 0)), HoursState::Closed, "Tết 2026");
        assert_eq!(state(hours, at(2026, 9, 2, 10, 0)), HoursState::Closed, "National Day");
        assert_eq!(state(hours, at(2026, 9, 3, 10, 0)), HoursState::Open);
    }

    #[test]
    fn always_off_and_fallback() {
        assert_eq!(state("24/7", at(2026, 1, 1, 3, 0)), HoursState::Open);
        assert_eq!(
            state("Mo-Su 08:00-18:00; We off", at(2026, 11, 25, 10, 0)),
            HoursState::Closed
        );
        let hours = parse("Mo-Fr 09:00-17:00 || \"by appointment\"").unwrap();
        let (s, comment) = hours.state_at(at(2026, 11, 29, 10, 0));
        assert_eq!(
            (s, comment),
            (HoursState::Unknown, Some("by appointment")),
            "a comment alone says nothing sure"
        );
        assert_eq!(
            state("Mo-Fr 08:00-12:00, We 14:00-18:00", at(2026, 11, 25, 15, 0)),
            HoursState::Open
        );
    }

    #[test]
    fn months_wrap_the_year() {
        let hours = "Dec-Feb 09:00-16:00";
        assert_eq!(state(hours, at(2027, 1, 10, 10, 0)), HoursState::Open);
        assert_eq!(state(hours, at(2026, 6, 10, 10, 0)), HoursState::Closed);
    }

    proptest! {
        #[test]
        fn parse_never_panics(text in "\\PC{0,60}") {
            let _ = parse(&text);
        }

        #[test]
        fn days_round_trip(days in -100_000i64..100_000) {
            prop_assert_eq!(Date::from_days(days).days(), days);
        }
    }
}
