/// An instant in time, to the nanosecond: the value of a `timestamp` shape.
///
/// Stored as seconds since the Unix epoch (1970-01-01T00:00:00Z) and a nanosecond fraction, so
/// every instant a service sends is kept exactly. `Display` writes RFC 3339
/// (`2024-02-29T13:05:09.25Z`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    seconds: i64,
    nanos: u32,
}

/// How a [`DateTime`] is written as text: the formats of Smithy's `@timestampFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateTimeFormat {
    /// RFC 3339 in UTC: `1985-04-12T23:20:50.52Z`.
    DateTime,
    /// The IMF-fixdate of RFC 9110: `Tue, 29 Apr 2014 18:30:38 GMT`, in whole seconds (a
    /// fraction is dropped when writing, and read when present).
    HttpDate,
    /// Seconds since the epoch, with a fraction when needed: `1515531081.123`.
    EpochSeconds,
}

/// Text that is not a timestamp in the expected format.
///
/// It does not keep the text, which may be sensitive: its message says what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeParseError {
    format: DateTimeFormat,
}

impl DateTimeParseError {
    /// The format the text was expected in.
    pub fn format(&self) -> DateTimeFormat {
        self.format
    }
}

impl ::std::fmt::Display for DateTimeParseError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(match self.format {
            DateTimeFormat::DateTime => {
                "expected an RFC 3339 date-time (`1985-04-12T23:20:50.52Z`)"
            }
            DateTimeFormat::HttpDate => "expected an HTTP date (`Tue, 29 Apr 2014 18:30:38 GMT`)",
            DateTimeFormat::EpochSeconds => "expected seconds since the epoch (`1515531081.123`)",
        })
    }
}

impl ::std::error::Error for DateTimeParseError {}

const NANOS_PER_SECOND: u32 = 1_000_000_000;
const SECONDS_PER_DAY: i64 = 86_400;
const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl DateTime {
    /// 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: DateTime = DateTime {
        seconds: 0,
        nanos: 0,
    };

    /// The instant `seconds` after the epoch (before it, if negative).
    pub const fn from_secs(seconds: i64) -> Self {
        Self { seconds, nanos: 0 }
    }

    /// The instant `seconds` and `nanos` after the epoch; whole seconds in `nanos` carry over.
    pub fn from_secs_and_nanos(seconds: i64, nanos: u32) -> Self {
        let carry = i64::from(nanos / NANOS_PER_SECOND);
        Self {
            seconds: seconds.saturating_add(carry),
            nanos: nanos % NANOS_PER_SECOND,
        }
    }

    /// The instant `millis` milliseconds after the epoch.
    pub fn from_millis(millis: i64) -> Self {
        let nanos = (millis.rem_euclid(1000) as u32) * 1_000_000;
        Self {
            seconds: millis.div_euclid(1000),
            nanos,
        }
    }

    /// The instant `seconds` after the epoch, rounded to the nearest microsecond; `None` for
    /// values that are not finite or out of range.
    pub fn from_secs_f64(seconds: f64) -> ::std::option::Option<Self> {
        if !seconds.is_finite() || seconds.abs() >= 9.2e18 {
            return ::std::option::Option::None;
        }
        let whole = seconds.floor();
        let micros = ((seconds - whole) * 1_000_000.0).round() as u32;
        ::std::option::Option::Some(Self::from_secs_and_nanos(whole as i64, micros * 1_000))
    }

    /// Whole seconds since the epoch (rounded down).
    pub fn secs(&self) -> i64 {
        self.seconds
    }

    /// The nanoseconds past [`DateTime::secs`].
    pub fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Seconds since the epoch as a float.
    pub fn as_secs_f64(&self) -> f64 {
        self.seconds as f64 + f64::from(self.nanos) / f64::from(NANOS_PER_SECOND)
    }

    /// Milliseconds since the epoch, if they fit in an `i64`.
    pub fn to_millis(&self) -> ::std::option::Option<i64> {
        self.seconds
            .checked_mul(1000)?
            .checked_add(i64::from(self.nanos / 1_000_000))
    }

    /// The instant as text in `format`.
    pub fn format(&self, format: DateTimeFormat) -> ::std::string::String {
        let days = self.seconds.div_euclid(SECONDS_PER_DAY);
        let second_of_day = self.seconds.rem_euclid(SECONDS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        let (hour, minute, second) = (
            second_of_day / 3600,
            second_of_day % 3600 / 60,
            second_of_day % 60,
        );
        match format {
            DateTimeFormat::DateTime => format!(
                "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{}Z",
                fraction(self.nanos)
            ),
            // IMF-fixdate has whole seconds: the fraction is dropped (rounding could move the
            // date into the next day).
            DateTimeFormat::HttpDate => format!(
                "{}, {day:02} {} {year:04} {hour:02}:{minute:02}:{second:02} GMT",
                WEEKDAYS[(days + 4).rem_euclid(7) as usize],
                MONTHS[(month - 1) as usize],
            ),
            // Seconds round down, so before the epoch the fraction counts back from the next
            // second.
            DateTimeFormat::EpochSeconds if self.seconds < 0 && self.nanos > 0 => {
                format!(
                    "-{}{}",
                    -(self.seconds + 1),
                    fraction(NANOS_PER_SECOND - self.nanos)
                )
            }
            DateTimeFormat::EpochSeconds => format!("{}{}", self.seconds, fraction(self.nanos)),
        }
    }

    /// Reads text written in `format`. Date-times may carry any UTC offset and a fraction of a
    /// second; epoch seconds may carry a fraction. HTTP dates may carry a fraction too: Smithy
    /// asks servers to reject one, and a client reads what it is sent.
    pub fn parse(
        text: &str,
        format: DateTimeFormat,
    ) -> ::std::result::Result<Self, DateTimeParseError> {
        let parsed = match format {
            DateTimeFormat::DateTime => parse_date_time(text),
            DateTimeFormat::HttpDate => parse_http_date(text),
            DateTimeFormat::EpochSeconds => parse_epoch_seconds(text),
        };
        parsed.ok_or(DateTimeParseError { format })
    }
}

impl ::std::fmt::Display for DateTime {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(&self.format(DateTimeFormat::DateTime))
    }
}

impl ::std::convert::From<::std::time::SystemTime> for DateTime {
    fn from(time: ::std::time::SystemTime) -> Self {
        match time.duration_since(::std::time::UNIX_EPOCH) {
            ::std::result::Result::Ok(after) => {
                Self::from_secs_and_nanos(after.as_secs() as i64, after.subsec_nanos())
            }
            ::std::result::Result::Err(error) => {
                let before = error.duration();
                let (seconds, nanos) = (before.as_secs() as i64, before.subsec_nanos());
                if nanos == 0 {
                    Self::from_secs(-seconds)
                } else {
                    Self::from_secs_and_nanos(-seconds - 1, NANOS_PER_SECOND - nanos)
                }
            }
        }
    }
}

impl ::std::convert::TryFrom<DateTime> for ::std::time::SystemTime {
    type Error = DateTime;
    /// Fails, returning the instant, when the platform cannot represent it.
    fn try_from(time: DateTime) -> ::std::result::Result<Self, DateTime> {
        let nanos = ::std::time::Duration::from_nanos(u64::from(time.nanos));
        let moved = if time.seconds >= 0 {
            ::std::time::UNIX_EPOCH
                .checked_add(::std::time::Duration::from_secs(time.seconds as u64))
        } else {
            ::std::time::UNIX_EPOCH.checked_sub(::std::time::Duration::from_secs(
                time.seconds.unsigned_abs(),
            ))
        };
        moved.and_then(|t| t.checked_add(nanos)).ok_or(time)
    }
}

/// `.25`, `.000001` …: the fraction of a second without trailing zeros; empty for none.
fn fraction(nanos: u32) -> ::std::string::String {
    if nanos == 0 {
        return ::std::string::String::new();
    }
    let digits = format!("{nanos:09}");
    format!(".{}", digits.trim_end_matches('0'))
}

/// Days since 1970-01-01 to (year, month, day), in the proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day) to days since 1970-01-01, or `None` for a day that does not exist.
fn days_from_civil(year: i64, month: u32, day: u32) -> ::std::option::Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_length = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return ::std::option::Option::None,
    };
    if day == 0 || day > month_length {
        return ::std::option::Option::None;
    }
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let shifted_month = i64::from(if month > 2 { month - 3 } else { month + 9 });
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    ::std::option::Option::Some(era * 146_097 + day_of_era - 719_468)
}

/// Reads exactly `len` ASCII digits at the start of `text`.
fn digits(text: &str, len: usize) -> ::std::option::Option<(u32, &str)> {
    let head = text.get(..len)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return ::std::option::Option::None;
    }
    ::std::option::Option::Some((head.parse().ok()?, &text[len..]))
}

/// Reads `.digits` at the start of `text` as nanoseconds (beyond nine digits, truncated).
fn parse_fraction(text: &str) -> ::std::option::Option<(u32, &str)> {
    let ::std::option::Option::Some(rest) = text.strip_prefix('.') else {
        return ::std::option::Option::Some((0, text));
    };
    let len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 {
        return ::std::option::Option::None;
    }
    let kept = &rest[..len.min(9)];
    let nanos = kept.parse::<u32>().ok()? * 10u32.pow(9 - kept.len() as u32);
    ::std::option::Option::Some((nanos, &rest[len..]))
}

fn time_of_day(text: &str) -> ::std::option::Option<(i64, u32, &str)> {
    let (hour, rest) = digits(text, 2)?;
    let (minute, rest) = digits(rest.strip_prefix(':')?, 2)?;
    let (second, rest) = digits(rest.strip_prefix(':')?, 2)?;
    // A leap second (60) is read as the last second of the minute, as most systems do.
    if hour > 23 || minute > 59 || second > 60 {
        return ::std::option::Option::None;
    }
    let (nanos, rest) = parse_fraction(rest)?;
    let seconds = i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second.min(59));
    ::std::option::Option::Some((seconds, nanos, rest))
}

fn parse_date_time(text: &str) -> ::std::option::Option<DateTime> {
    let (year, rest) = digits(text, 4)?;
    let (month, rest) = digits(rest.strip_prefix('-')?, 2)?;
    let (day, rest) = digits(rest.strip_prefix('-')?, 2)?;
    let rest = rest.strip_prefix(['T', 't'])?;
    let (second_of_day, nanos, rest) = time_of_day(rest)?;
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return ::std::option::Option::None,
            };
            let (hours, after) = digits(&rest[1..], 2)?;
            let (minutes, after) = digits(after.strip_prefix(':')?, 2)?;
            if !after.is_empty() || hours > 23 || minutes > 59 {
                return ::std::option::Option::None;
            }
            sign * (i64::from(hours) * 3600 + i64::from(minutes) * 60)
        }
    };
    let days = days_from_civil(i64::from(year), month, day)?;
    ::std::option::Option::Some(DateTime::from_secs_and_nanos(
        days * SECONDS_PER_DAY + second_of_day - offset,
        nanos,
    ))
}

fn parse_http_date(text: &str) -> ::std::option::Option<DateTime> {
    let (weekday, rest) = text.split_once(", ")?;
    let (day, rest) = digits(rest, 2)?;
    let rest = rest.strip_prefix(' ')?;
    let month = MONTHS.iter().position(|m| rest.starts_with(m))? as u32 + 1;
    let (year, rest) = digits(rest[3..].strip_prefix(' ')?, 4)?;
    let (second_of_day, nanos, rest) = time_of_day(rest.strip_prefix(' ')?)?;
    if rest != " GMT" {
        return ::std::option::Option::None;
    }
    let days = days_from_civil(i64::from(year), month, day)?;
    if WEEKDAYS[(days + 4).rem_euclid(7) as usize] != weekday {
        return ::std::option::Option::None;
    }
    ::std::option::Option::Some(DateTime::from_secs_and_nanos(
        days * SECONDS_PER_DAY + second_of_day,
        nanos,
    ))
}

fn parse_epoch_seconds(text: &str) -> ::std::option::Option<DateTime> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        ::std::option::Option::Some(rest) => (true, rest),
        ::std::option::Option::None => (false, text),
    };
    let whole_len = unsigned.bytes().take_while(u8::is_ascii_digit).count();
    if whole_len == 0 {
        return ::std::option::Option::None;
    }
    let whole: i64 = unsigned[..whole_len].parse().ok()?;
    let (nanos, rest) = parse_fraction(&unsigned[whole_len..])?;
    if !rest.is_empty() {
        return ::std::option::Option::None;
    }
    ::std::option::Option::Some(match (negative, nanos) {
        (false, _) => DateTime::from_secs_and_nanos(whole, nanos),
        (true, 0) => DateTime::from_secs(-whole),
        (true, _) => DateTime::from_secs_and_nanos(-whole - 1, NANOS_PER_SECOND - nanos),
    })
}

/// Timestamps on their own are written as epoch seconds, JSON's default timestamp format; members
/// with another `@timestampFormat` choose it with a codec.
#[cfg(feature = "serde")]
impl ::serde::Serialize for DateTime {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        if self.nanos == 0 {
            serializer.serialize_i64(self.seconds)
        } else {
            serializer.serialize_f64(self.as_secs_f64())
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> ::serde::Deserialize<'de> for DateTime {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        struct EpochSecondsVisitor;
        impl<'de> ::serde::de::Visitor<'de> for EpochSecondsVisitor {
            type Value = DateTime;
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a timestamp in epoch seconds")
            }
            fn visit_i64<E: ::serde::de::Error>(
                self,
                value: i64,
            ) -> ::std::result::Result<DateTime, E> {
                Ok(DateTime::from_secs(value))
            }
            fn visit_u64<E: ::serde::de::Error>(
                self,
                value: u64,
            ) -> ::std::result::Result<DateTime, E> {
                i64::try_from(value)
                    .map(DateTime::from_secs)
                    .map_err(|_| E::custom("timestamp out of range"))
            }
            fn visit_f64<E: ::serde::de::Error>(
                self,
                value: f64,
            ) -> ::std::result::Result<DateTime, E> {
                DateTime::from_secs_f64(value).ok_or_else(|| E::custom("timestamp out of range"))
            }
            fn visit_map<A: ::serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> ::std::result::Result<DateTime, A::Error> {
                let text = crate::json::number_in_map(map, &self)?;
                match text.parse::<i64>() {
                    ::std::result::Result::Ok(seconds) => self.visit_i64(seconds),
                    ::std::result::Result::Err(_) => {
                        self.visit_f64(crate::json::finite_f64(&text)?)
                    }
                }
            }
        }
        deserializer.deserialize_any(EpochSecondsVisitor)
    }
}
