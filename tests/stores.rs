//! Generated stores shared by the tests and the benchmarks (which include
//! this file by path).

/// `n` events, and `n` links whose `from` is a misspelling of an event's
/// id: every link dangles, and each has a close id to suggest.
pub fn dangling_links_jsonl(n: usize) -> String {
    let mut store = String::new();
    for i in 0..n {
        store.push_str(&format!(
            "{{\"id\":\"2020-01-01-event-number-{i:05}\",\"date\":\"2020-01-01\",\"title\":\"E\",\"kind\":\"protest\"}}\n"
        ));
    }
    for i in 0..n {
        store.push_str(&format!(
            "{{\"type\":\"link\",\"from\":\"2020-01-01-evnt-numbr-{i:05}x\",\"to\":\"2020-01-01-event-number-{i:05}\",\"relation\":\"causes\"}}\n"
        ));
    }
    store
}
