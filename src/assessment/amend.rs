//! Correcting a completed assessment. A typo in a note, the situation or a
//! commitment's wording can be fixed afterwards, and the file records when
//! (`amended`). Everything else stays as it was given: ratings, choices,
//! dates, which items were answered, how many tasks and commitments. A
//! rating is what the person chose on the day, and a comparison or a trend
//! built on it must not move because someone tidied up later.

use super::model::{Answers, Assessment};

/// Why a correction was refused: something other than wording changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "only the wording of a completed assessment can be corrected; its ratings, choices and dates stay as they were given"
)]
pub struct NotOnlyWording;

/// Whether `corrected` differs from `original` in wording only.
pub fn only_wording(original: &Assessment, corrected: &Assessment) -> Result<(), NotOnlyWording> {
    if without_wording(original) == without_wording(corrected) {
        Ok(())
    } else {
        Err(NotOnlyWording)
    }
}

/// Every free text cleared, and the times a correction may move: what must
/// be equal for two versions to differ in wording only.
fn without_wording(assessment: &Assessment) -> Assessment {
    let mut bare = assessment.clone();
    bare.updated = bare.created;
    bare.amended = None;
    bare.check_in.role.clear();
    bare.check_in.situation.clear();
    for follow_up in &mut bare.check_in.follow_ups {
        follow_up.note.clear();
        clear_commitment(&mut follow_up.commitment);
    }
    bare.placement.note.clear();
    for answers in [
        &mut bare.readiness,
        &mut bare.drivers,
        &mut bare.symptoms,
        &mut bare.aggravators,
        &mut bare.remedies,
        &mut bare.support,
    ] {
        clear_notes(answers);
    }
    for task in &mut bare.tasks {
        task.title.clear();
        task.to_whom.clear();
        task.note.clear();
    }
    for commitment in &mut bare.commitments {
        clear_commitment(commitment);
    }
    bare
}

fn clear_commitment(commitment: &mut super::model::Commitment) {
    commitment.first_step.clear();
    commitment.with_whom.clear();
    commitment.checkpoint.clear();
}

/// Notes cleared; an answer that held only a note is then no answer, as
/// saving would drop it.
fn clear_notes(answers: &mut Answers) {
    for answer in answers.values_mut() {
        answer.note.clear();
    }
    answers.retain(|_, answer| !answer.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answer, Commitment};

    fn original() -> Assessment {
        let mut assessment = Assessment::default();
        assessment.check_in.situation = "Handing over the reprot".into();
        assessment.drivers.insert(
            "perfectionism".into(),
            Answer {
                rating: Some(3),
                note: "charts at nihgt".into(),
            },
        );
        assessment.symptoms.insert(
            "micromanagement".into(),
            Answer {
                rating: None,
                note: "only a note".into(),
            },
        );
        assessment.commitments.push(Commitment {
            remedy: "checkpoints".into(),
            first_step: "Wirte the list".into(),
            ..Commitment::default()
        });
        assessment
    }

    #[test]
    fn wording_may_change() {
        let mut fixed = original();
        fixed.check_in.situation = "Handing over the report".into();
        if let Some(answer) = fixed.drivers.get_mut("perfectionism") {
            answer.note = "charts at night".into();
        }
        fixed.symptoms.clear();
        fixed.commitments[0].first_step = "Write the list".into();
        assert_eq!(only_wording(&original(), &fixed), Ok(()));
    }

    #[test]
    fn ratings_choices_and_dates_may_not() {
        let changes: [fn(&mut Assessment); 4] = [
            |a| {
                a.set_rating(
                    crate::content::SectionKind::Drivers,
                    "perfectionism",
                    Some(1),
                )
            },
            |a| {
                a.set_rating(
                    crate::content::SectionKind::Drivers,
                    "cognitive-load",
                    Some(0),
                )
            },
            |a| a.commitments[0].remedy = "stage-the-handoff".into(),
            |a| a.commitments.clear(),
        ];
        for change in changes {
            let mut changed = original();
            change(&mut changed);
            assert_eq!(only_wording(&original(), &changed), Err(NotOnlyWording));
        }
    }
}
