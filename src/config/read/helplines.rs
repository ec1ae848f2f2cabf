//! The helpline directory's types, field by field: the directory, its
//! countries, helplines and their verification (sources are read as in a
//! questionnaire).

use riskscreen_core::helplines::{Country, Directory, Helpline, Kind, Verification};

use super::fields::{boolean, choice, list, string, strings, text, Object};
use super::model::source;
use super::{Json, Reader};

pub(super) fn directory_in<V: Json>(r: &mut Reader, v: &V) -> Directory {
    let mut o = Object::new(
        r,
        v,
        &[
            "languages",
            "default_language",
            "country",
            "source",
            "helpline",
        ],
    );
    Directory {
        languages: o.required("languages", strings),
        default_language: o.required("default_language", string),
        countries: o.required("country", |r, v| list(r, v, country)),
        sources: o.or_default("source", |r, v| list(r, v, source)),
        helplines: o.or_default("helpline", |r, v| list(r, v, helpline)),
    }
}

pub(super) fn country<V: Json>(r: &mut Reader, v: &V) -> Country {
    let mut o = Object::new(r, v, &["code", "name", "emergency", "eu"]);
    Country {
        code: o.required("code", string),
        name: o.required("name", text),
        emergency: o.or_else("emergency", string, || "112".to_owned()),
        eu: o.or_default("eu", boolean),
    }
}

pub(super) fn helpline<V: Json>(r: &mut Reader, v: &V) -> Helpline {
    let mut o = Object::new(
        r,
        v,
        &[
            "id",
            "country",
            "name",
            "number",
            "tel",
            "kind",
            "hours",
            "languages",
            "free",
            "sources",
            "verification",
        ],
    );
    Helpline {
        id: o.required("id", string),
        country: o.required("country", string),
        name: o.required("name", text),
        number: o.required("number", string),
        tel: o.required("tel", string),
        kind: o.required("kind", |r, v| {
            choice(
                r,
                v,
                &[
                    ("emergency", Kind::Emergency),
                    ("anti_trafficking", Kind::AntiTrafficking),
                    ("victims_of_crime", Kind::VictimsOfCrime),
                    ("violence", Kind::Violence),
                    ("children", Kind::Children),
                    ("support", Kind::Support),
                ],
            )
        }),
        hours: o.optional("hours", text),
        languages: o.or_default("languages", strings),
        free: o.or_default("free", boolean),
        sources: o.or_default("sources", strings),
        verification: o.required("verification", verification),
    }
}

pub(super) fn verification<V: Json>(r: &mut Reader, v: &V) -> Verification {
    let mut o = Object::new(r, v, &["verified", "checked", "note"]);
    Verification {
        verified: o.required("verified", boolean),
        checked: o.or_default("checked", string),
        note: o.optional("note", string),
    }
}
