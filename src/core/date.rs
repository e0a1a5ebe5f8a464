//! A calendar date (`2026-12-01`), for the day a legal reference was last
//! checked: read from a TOML date or a string, counted in days so that
//! `check` can tell how old a check is. The civil-date conversion is the
//! usual one (days from 1970-01-01 in the proleptic Gregorian calendar),
//! small enough not to bring in a date crate; today's date comes from the
//! front end, so that nothing here reads the clock.

use std::fmt;

use bitcode::{Decode, Encode};
use serde::{Deserialize, Serialize};

/// A day of the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Encode, Decode)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD`, a real day of the calendar.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        // Round-trips through the day count only if the day exists.
        (Date::from_days(date.days()) == date).then_some(date)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse(s).ok_or_else(|| format!("« {s} » : YYYY-MM-DD"))
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// From a TOML date (`checked = 2026-12-01`, which the TOML reader hands
/// over as a one-entry map) or a string (`"2026-12-01"`).
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Date;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
                Date::parse(s).ok_or_else(|| E::custom(format!("« {s} » is not a date YYYY-MM-DD")))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                let Some((_, text)) = map.next_entry::<String, String>()? else {
                    return Err(serde::de::Error::custom("an empty date"));
                };
                self.visit_str(&text)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_days_both_ways() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        let d = Date::parse("2026-12-01").unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(Date::parse("2027-12-01").unwrap().days() - d.days(), 365);
        assert_eq!(
            Date::parse("2028-03-01").unwrap().days() - Date::parse("2028-02-28").unwrap().days(),
            2
        );
        // Years 1000 to 9999, the ones written YYYY.
        for days in (-300_000..2_900_000).step_by(997) {
            let d = Date::from_days(days);
            assert_eq!(d.days(), days);
            assert_eq!(Date::parse(&d.to_string()), Some(d));
        }
    }

    #[test]
    fn refuses_what_is_not_a_day() {
        for s in [
            "2026-02-30",
            "2026-13-01",
            "26-12-01",
            "2026-1-1",
            "hier",
            "",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn reads_a_toml_date_or_a_string() {
        #[derive(Deserialize)]
        struct T {
            a: Date,
            b: Date,
        }
        let t: T = toml::from_str("a = 2026-12-01\nb = \"2026-05-28\"").unwrap();
        assert_eq!(
            (t.a.to_string(), t.b.to_string()),
            ("2026-12-01".into(), "2026-05-28".into())
        );
        assert!(toml::from_str::<T>("a = 2026-12-01T10:00:00\nb = 2026-01-01").is_err());
    }
}
