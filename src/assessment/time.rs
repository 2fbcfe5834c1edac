//! Dates and times as native TOML values, so a saved file reads
//! `created = 2026-11-23T09:30:00+01:00` and `due = 2026-12-15` rather than
//! quoted strings. Reading also accepts the quoted forms, because a person
//! may well edit a file by hand.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde::{Deserialize, Deserializer, Serializer, de::Error as _, ser::Error as _};

fn to_toml(text: &str) -> Result<toml::value::Datetime, String> {
    text.parse::<toml::value::Datetime>()
        .map_err(|error| error.to_string())
}

fn text_of<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match toml::Value::deserialize(deserializer)? {
        toml::Value::Datetime(value) => Ok(value.to_string()),
        toml::Value::String(value) => Ok(value),
        other => Err(D::Error::custom(format!(
            "expected a date or time, found {}",
            other.type_str()
        ))),
    }
}

pub mod timestamp {
    use super::*;

    pub fn serialize<S: Serializer>(
        value: &DateTime<FixedOffset>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let text = value.to_rfc3339_opts(SecondsFormat::Secs, false);
        serde::Serialize::serialize(&to_toml(&text).map_err(S::Error::custom)?, serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = text_of(deserializer)?;
        DateTime::parse_from_rfc3339(&text).map_err(|error| {
            D::Error::custom(format!(
                "`{text}` is not a date and time with offset: {error}"
            ))
        })
    }
}

pub mod optional_timestamp {
    use super::*;

    pub fn serialize<S: Serializer>(
        value: &Option<DateTime<FixedOffset>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => timestamp::serialize(value, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        timestamp::deserialize(deserializer).map(Some)
    }
}

pub mod optional_date {
    use super::*;

    pub fn serialize<S: Serializer>(
        value: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(date) => {
                let text = date.format("%Y-%m-%d").to_string();
                serde::Serialize::serialize(&to_toml(&text).map_err(S::Error::custom)?, serializer)
            }
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        let text = text_of(deserializer)?;
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| D::Error::custom(format!("`{text}` is not a date like 2026-12-15")))
    }
}
