//! The item lists: each item's own fields checked and turned into the
//! model, ids kept unique within a list, and every link pointing somewhere.

use std::collections::{BTreeMap, BTreeSet};

use super::check::Checker;
use super::parse::{At, LISTS, Merged};
use crate::content::model::{Item, Leans};
use crate::content::raw::RawItem;

impl Checker {
    pub(super) fn items(&mut self, merged: &Merged<'_>) -> BTreeMap<String, Vec<Item>> {
        let mut lists = BTreeMap::new();
        for list in LISTS {
            let mut seen = BTreeSet::new();
            let mut items = Vec::new();
            for (at, spanned) in merged.items.get(list).into_iter().flatten() {
                let item = self.item(*at, list, spanned.get_ref());
                if !seen.insert(item.id.clone()) {
                    let line = at.line(&spanned.get_ref().id);
                    self.error(
                        *at,
                        line,
                        Some(format!("{list} `{}`", item.id)),
                        "duplicate id".into(),
                    );
                }
                items.push(item);
            }
            lists.insert(list.to_string(), items);
        }
        lists
    }

    /// Checks one item's own fields and turns it into the model.
    pub(super) fn item(&mut self, at: At<'_>, list: &str, raw: &RawItem) -> Item {
        let id = raw.id.get_ref().clone();
        let line = at.line(&raw.id);
        let name = Some(format!("{list} `{id}`"));
        self.check_slug(at, line, name.clone(), &id);
        self.check_text(at, line, name.clone(), "title", &raw.title);
        self.check_text(at, line, name.clone(), "summary", &raw.summary);
        self.check_text(at, line, name.clone(), "explanation", &raw.explanation);
        self.check_prompts(at, line, name.clone(), &raw.prompts);

        let rated_for_the_gap = matches!(list, "driver" | "symptom" | "aggravator");
        let allowed = |field: &str| match field {
            "remedies" | "leans" | "other_direction" | "other_prompt" => rated_for_the_gap,
            "patterns" => list == "symptom",
            "difference" => list == "pattern",
            "who" => list == "support",
            _ => false,
        };
        let present = [
            ("remedies", !raw.remedies.is_empty()),
            ("patterns", !raw.patterns.is_empty()),
            ("difference", raw.difference.is_some()),
            ("who", raw.who.is_some()),
            ("leans", raw.leans.is_some()),
            ("other_direction", raw.other_direction.is_some()),
            ("other_prompt", raw.other_prompt.is_some()),
        ];
        for (field, is_present) in present {
            if is_present && !allowed(field) {
                self.error(
                    at,
                    line,
                    name.clone(),
                    format!("a {list} cannot have `{field}`"),
                );
            }
        }
        if matches!(list, "driver" | "symptom" | "aggravator") && raw.remedies.is_empty() {
            self.error(
                at,
                line,
                name.clone(),
                "links to no remedy: add `remedies = [\"…\"]`".into(),
            );
        }
        for (field, needed, value) in [
            ("difference", list == "pattern", &raw.difference),
            ("who", list == "support", &raw.who),
            ("other_direction", false, &raw.other_direction),
            ("other_prompt", false, &raw.other_prompt),
        ] {
            match value {
                Some(text) => self.check_text(at, line, name.clone(), field, text),
                None if needed => self.error(at, line, name.clone(), format!("missing `{field}`")),
                None => {}
            }
        }
        // A typo must not quietly mean "no side": an unknown value is an
        // error, named at its own line.
        let leans = raw.leans.as_ref().and_then(|value| {
            let found = Leans::from_key(value.get_ref());
            if found.is_none() {
                let known: Vec<String> = Leans::ALL
                    .iter()
                    .map(|leans| format!("\"{}\"", leans.key()))
                    .collect();
                self.error(
                    at,
                    at.line(value),
                    name.clone(),
                    format!(
                        "`leans` must be one of {}, not \"{}\"",
                        known.join(", "),
                        value.get_ref().escape_debug()
                    ),
                );
            }
            found
        });
        Item {
            id,
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            explanation: raw.explanation.trim().to_string(),
            prompts: raw.prompts.clone(),
            remedies: raw
                .remedies
                .iter()
                .map(|link| link.get_ref().clone())
                .collect(),
            patterns: raw
                .patterns
                .iter()
                .map(|link| link.get_ref().clone())
                .collect(),
            difference: raw.difference.clone(),
            who: raw.who.clone(),
            leans,
            other_direction: raw
                .other_direction
                .as_ref()
                .map(|text| text.trim().to_string()),
            other_prompt: raw.other_prompt.clone(),
        }
    }

    pub(super) fn links(&mut self, merged: &Merged<'_>, items: &BTreeMap<String, Vec<Item>>) {
        let ids = |list: &str| -> BTreeSet<String> {
            items
                .get(list)
                .map(|items| items.iter().map(|item| item.id.clone()).collect())
                .unwrap_or_default()
        };
        let remedies = ids("remedy");
        let patterns = ids("pattern");
        let mut linked = BTreeSet::new();
        for list in ["driver", "symptom", "aggravator"] {
            for (at, spanned) in merged.items.get(list).into_iter().flatten() {
                let raw = spanned.get_ref();
                let name = Some(format!("{list} `{}`", raw.id.get_ref()));
                for (kind, links, known) in [
                    ("remedy", &raw.remedies, &remedies),
                    ("pattern", &raw.patterns, &patterns),
                ] {
                    for link in links {
                        let target = link.get_ref();
                        if known.contains(target) {
                            if kind == "remedy" {
                                linked.insert(target.clone());
                            }
                        } else {
                            let line = at.line(link);
                            self.error(
                                *at,
                                line,
                                name.clone(),
                                format!("links to unknown {kind} `{target}`"),
                            );
                        }
                    }
                }
            }
        }
        for (at, spanned) in merged.items.get("remedy").into_iter().flatten() {
            let id = spanned.get_ref().id.get_ref();
            if !linked.contains(id) {
                let line = at.line(&spanned.get_ref().id);
                self.error(
                    *at,
                    line,
                    Some(format!("remedy `{id}`")),
                    "is not linked from any driver, symptom or aggravator".into(),
                );
            }
        }
    }
}
