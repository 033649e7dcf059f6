//! Made-up full names for the tests and benches that draft articles of many speakers
//! (`draft_robust`, the `draft` bench): shared so both draft the same people.

/// The `i`th of many made-up full names, no two alike (each surname's four-letter parts
/// differ in every letter from the others', so none reads as another's misspelling).
pub fn distinct_name(i: usize) -> String {
    const FIRST: &[&str] = &[
        "Alice", "Brian", "Carla", "Daniel", "Elena", "Frank", "Grace",
    ];
    const L: &[u8] = b"bcdfghjklmnprstvwxza";
    const V: &[u8] = b"aeiou";
    let mut surname = String::new();
    let mut j = i;
    for _ in 0..3 {
        let k = j % 20;
        for b in [L[k], V[k % 5], L[(k + 7) % 20], L[(k + 13) % 20]] {
            surname.push(b as char);
        }
        j /= 20;
    }
    surname[..1].make_ascii_uppercase();
    format!("{} {surname}son", FIRST[i % FIRST.len()])
}
