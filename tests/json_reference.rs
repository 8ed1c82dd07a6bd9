//! The engine's hand-written JSON writer (`engine::json`, kept so the bundle carries no serde_json:
//! 0.9 KB brotli, docs/performance.md) cross-checked against serde_json: for any strings, numbers,
//! booleans and nulls in nested objects and arrays, the compact text is byte for byte what
//! `serde_json::to_string` writes, and the pretty text parses back to the same value.

use ansvarskollen::engine::json::Json;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Writes a value with the engine's writer (keys in the order serde_json's map keeps them).
fn write(j: &mut Json, v: &Value) {
    match v {
        Value::Null => j.null(),
        Value::Bool(b) => j.bool(*b),
        Value::Number(n) => j.uint(n.as_u64().expect("only unsigned numbers are generated")),
        Value::String(s) => j.str(s),
        Value::Array(items) => {
            j.begin_array();
            for item in items {
                j.element();
                write(j, item);
            }
            j.end_array();
        }
        Value::Object(map) => {
            j.begin_object();
            for (k, item) in map {
                j.key(k);
                write(j, item);
            }
            j.end_object();
        }
    }
}

fn value() -> impl Strategy<Value = Value> {
    // Any Unicode, with the characters JSON must escape (quotes, backslash, controls) made likely.
    let text = prop_oneof![any::<String>(), "[\"\\\\\u{0}-\u{1f}\u{7f}a-zå\u{2028}\u{1F600}]{0,12}"];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(|n| Value::Number(n.into())),
        text.clone().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn compact_output_is_serde_jsons(v in value()) {
        let mut j = Json::new(false);
        write(&mut j, &v);
        prop_assert_eq!(j.finish(), serde_json::to_string(&v).unwrap());
    }

    #[test]
    fn pretty_output_reads_back_the_same(v in value()) {
        let mut j = Json::new(true);
        write(&mut j, &v);
        let text = j.finish();
        let back: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert_eq!(back, v);
    }
}
