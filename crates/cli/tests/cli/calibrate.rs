//! `riskscreen calibrate`: each story's band against the one expected, and
//! exit 1 on a mismatch.

use crate::support::{fixtures, riskscreen};

#[test]
fn calibrate_prints_story_band_expected_and_fails_on_a_mismatch() {
    let file = fixtures().join("calibration/weighted.toml");
    let (code, out, err) = riskscreen(&["calibrate", file.to_str().unwrap()]);
    assert_eq!(
        code, 1,
        "a mismatch and an unsound situation: exit 1\n{out}\n{err}"
    );
    let line = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("no line for {id}:\n{out}"))
            .to_owned()
    };
    assert!(line("clean-room").ends_with("ok"), "{out}");
    let threatened = line("threatened");
    assert!(
        threatened.contains("high !") && threatened.ends_with("ok"),
        "{out}"
    );
    let passport = line("no-contract-only");
    assert!(
        passport.contains("some") && passport.contains("high") && passport.ends_with("FAIL"),
        "{out}"
    );
    assert!(line("contract-for-housing").ends_with("FAIL"), "{out}");
    assert!(
        out.contains("problem: answer to `contract`: the flow does not ask this question"),
        "{out}"
    );
    assert!(out.contains("4 situations, 2 as expected, 2 not"), "{out}");
}
