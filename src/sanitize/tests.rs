//! Unit tests for the sanitizer and the safe JSON writer: one per character class, the
//! borrowed fast path, idempotence, and exhaustive loops over every Unicode scalar value.

use super::*;
use std::borrow::Cow;

fn s(text: &str) -> String {
    sanitize(text).into_owned()
}

fn l(text: &str) -> String {
    sanitize_line(text).into_owned()
}

fn borrowed(cow: Cow<'_, str>) -> bool {
    matches!(cow, Cow::Borrowed(_))
}

/// Every Unicode scalar value.
fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFF_u32).filter_map(char::from_u32)
}

// --- controls ---------------------------------------------------------------------------------

#[test]
fn osc_title_sequence_becomes_visible_pictures() {
    assert_eq!(s("\x1b]0;title\x07"), "␛]0;title␇");
    assert_eq!(s("a\x1b]52;c;aGk=\x1b\\b"), "a␛]52;c;aGk=␛\\b");
}

#[test]
fn csi_sequence_becomes_visible() {
    assert_eq!(s("\x1b[2J\x1b[31mred"), "␛[2J␛[31mred");
}

#[test]
fn every_c0_control_has_its_picture() {
    assert_eq!(s("\0"), "␀");
    assert_eq!(s("\x01\x02\x03"), "␁␂␃");
    assert_eq!(s("\x08"), "␈");
    assert_eq!(s("\x0b\x0c"), "␋␌");
    assert_eq!(s("\x1f"), "␟");
    assert_eq!(s("a\x7fb"), "a␡b");
}

#[test]
fn c1_controls_show_their_code_point() {
    assert_eq!(s("\u{9b}2J"), "⟨U+009B⟩2J");
    assert_eq!(s("\u{9d}0;x\u{9c}"), "⟨U+009D⟩0;x⟨U+009C⟩");
    assert_eq!(s("\u{80}\u{9f}"), "⟨U+0080⟩⟨U+009F⟩");
}

#[test]
fn bidi_controls_and_marks_are_named() {
    assert_eq!(s("abc\u{202E}fed"), "abc⟨RLO⟩fed");
    let all = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{61C}";
    assert_eq!(
        s(all),
        "⟨LRE⟩⟨RLE⟩⟨PDF⟩⟨LRO⟩⟨RLO⟩⟨LRI⟩⟨RLI⟩⟨FSI⟩⟨PDI⟩⟨LRM⟩⟨RLM⟩⟨ALM⟩"
    );
    // The Trojan-source pattern: the isolate cannot reorder what the reader sees.
    assert_eq!(
        s("access = \"user\u{202E} \u{2066}// admin\u{2069} \u{2066}\""),
        "access = \"user⟨RLO⟩ ⟨LRI⟩// admin⟨PDI⟩ ⟨LRI⟩\""
    );
}

#[test]
fn placeholders_are_visible_and_single_width_pictures() {
    use unicode_width::UnicodeWidthStr;
    for c in (0..0x20u32).chain([0x7f]).filter_map(char::from_u32) {
        if c == '\n' || c == '\t' || c == '\r' {
            continue;
        }
        let shown = s(&c.to_string());
        assert_eq!(shown.chars().count(), 1, "{c:?}");
        assert_eq!(shown.width(), 1, "{c:?} -> {shown}");
    }
    assert_eq!(s("\u{202E}").width(), 5);
    assert_eq!(s("\u{9b}").width(), 8);
    assert_eq!(PARAGRAPH_MARK.width(), 3);
}

// --- invisible and joining characters -----------------------------------------------------------

#[test]
fn tag_characters_are_dropped() {
    // "ASCII smuggling": instructions hidden in tag characters.
    let hidden: String = "ignore this"
        .chars()
        .map(|c| char::from_u32(0xE0000 + c as u32).unwrap())
        .collect();
    assert_eq!(s(&format!("hello{hidden}!")), "hello!");
    // A subdivision flag keeps its visible base.
    assert_eq!(
        s("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
        "🏴"
    );
    assert_eq!(s("\u{E0000}\u{E0001}x"), "x");
}

#[test]
fn invisible_format_characters_are_dropped() {
    assert_eq!(
        s("a\u{200B}b\u{FEFF}c\u{AD}d\u{2060}e\u{2061}f\u{180E}g"),
        "abcdefg"
    );
    assert_eq!(s("\u{FFF9}x\u{FFFA}y\u{FFFB}"), "xy");
    assert_eq!(s("\u{1D173}♩\u{1D17A}"), "♩");
    assert_eq!(s("\u{206A}\u{206F}z"), "z");
    assert_eq!(s("\u{FEFF}title"), "title");
}

#[test]
fn visible_format_characters_and_odd_but_harmless_text_stay() {
    for text in [
        "\u{600}\u{661}\u{662}",  // Arabic number sign + digits
        "\u{FFFD} bad byte",      // replacement character
        "\u{E000}\u{F8FF}",       // private use
        "\u{378}\u{10FFFD}",      // unassigned, supplementary private use
        "␛ is a picture already", // control pictures in the text itself
        "⟨RLO⟩ typed by hand",
    ] {
        assert!(borrowed(sanitize(text)), "{text:?}");
    }
}

#[test]
fn zwj_emoji_sequences_stay_intact() {
    for text in [
        "👨\u{200D}👩\u{200D}👧",
        "family: 👨\u{200D}👩\u{200D}👧\u{200D}👦!",
        "❤\u{FE0F}\u{200D}🔥",
        "#\u{FE0F}\u{20E3} 1\u{FE0F}\u{20E3}",
        "👩🏽\u{200D}❤\u{FE0F}\u{200D}💋\u{200D}👨🏿",
        "🏳\u{FE0F}\u{200D}🌈",
        "☺\u{FE0E} text style",
    ] {
        let out = sanitize(text);
        assert!(matches!(out, Cow::Borrowed(_)), "{text:?} -> {out:?}");
        assert!(borrowed(sanitize_line(text)), "{text:?}");
    }
}

#[test]
fn joiners_in_real_scripts_stay() {
    for text in [
        "می\u{200C}خواهم",                  // Persian, ZWNJ
        "نمی\u{200C}دانم که چه\u{200C}کار", // more Persian
        "क्\u{200D}ष",                       // Devanagari half form via ZWJ after virama
        "ര്\u{200D}",                        // Malayalam chillu (ZWJ at the end)
        "क्\u{200C}ष",                       // Devanagari explicit virama via ZWNJ
        "葛\u{E0100}城",                    // ideographic variation selector
        "ᠠ\u{180B}",                        // Mongolian free variation selector
    ] {
        let out = sanitize(text);
        assert!(matches!(out, Cow::Borrowed(_)), "{text:?} -> {out:?}");
    }
    assert_eq!(s("می‌خواهم"), "می‌خواهم");
}

#[test]
fn leading_and_repeated_joiners_and_selectors_go() {
    assert_eq!(s("\u{200D}a"), "a");
    assert_eq!(s("\u{200C}\u{200D}a"), "a");
    assert_eq!(s("a\u{200D}\u{200D}\u{200D}b"), "a\u{200D}b");
    assert_eq!(s("a\u{200D}\u{200C}b"), "a\u{200D}b");
    assert_eq!(s("a \u{200C}b"), "a b");
    assert_eq!(s("a\n\u{200D}b"), "a\nb");
    assert_eq!(s("\u{FE0F}x"), "x");
    assert_eq!(s("x\u{FE0F}\u{FE0F}\u{FE0E}"), "x\u{FE0F}");
    assert_eq!(s("x\u{200D}\u{FE0F}y"), "x\u{200D}y");
    assert_eq!(s(" \u{FE0F}"), " ");
    // A joiner after a dropped character still joins what was shown.
    assert_eq!(s("a\u{200B}\u{200D}b"), "a\u{200D}b");
}

// --- combining marks ----------------------------------------------------------------------------

#[test]
fn zalgo_is_capped_at_eight_marks_per_base() {
    let zalgo: String = std::iter::once('Z')
        .chain(
            "\u{336}\u{301}\u{35C}\u{1AB0}\u{1DC0}\u{20D0}\u{FE20}"
                .chars()
                .cycle()
                .take(60),
        )
        .chain(std::iter::once('a'))
        .chain(std::iter::repeat_n('\u{300}', 40))
        .collect();
    let out = s(&zalgo);
    let mut runs = vec![];
    let mut run = 0;
    for c in out.chars() {
        if is_combining_mark(c) {
            run += 1;
        } else {
            runs.push(run);
            run = 0;
        }
    }
    runs.push(run);
    assert_eq!(runs, vec![0, 8, 8]);
    assert!(out.starts_with("Z\u{336}\u{301}\u{35C}\u{1AB0}\u{1DC0}\u{20D0}\u{FE20}\u{336}a"));
}

#[test]
fn marks_separated_by_joiners_are_still_capped() {
    let text: String = std::iter::once('x')
        .chain("\u{301}\u{200D}\u{FE0F}".chars().cycle().take(300))
        .collect();
    let out = s(&text);
    assert_eq!(out.chars().filter(|&c| c == '\u{301}').count(), 8);
    assert!(out.chars().count() < 30, "{}", out.chars().count());
}

#[test]
fn real_scripts_with_marks_are_untouched() {
    for text in [
        "Tiếng Việt có dấu",                                          // precomposed
        "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t", // decomposed, two marks per base
        "नमस्ते, क्षत्रिय, स्त्री",                     // Devanagari
        "தமிழ் மொழி",                              // Tamil
        "བོད་སྐད་ བསྒྲུབས་",                           // Tibetan stacks
        "שָׁלוֹם בְּרֵאשִׁ֖ית",                            // Hebrew points and cantillation
        "بِسْمِ ٱللَّٰهِ",                               // Arabic harakat
        "ก่อน น้ำ",                                 // Thai tone marks
        "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}b", // exactly eight
    ] {
        assert!(borrowed(sanitize(text)), "{text:?} -> {:?}", sanitize(text));
    }
}

// --- tabs and line breaks -----------------------------------------------------------------------

#[test]
fn tabs_expand_to_the_next_multiple_of_four_columns() {
    assert_eq!(s("\tx"), "    x");
    assert_eq!(s("a\tb"), "a   b");
    assert_eq!(s("abc\td"), "abc d");
    assert_eq!(s("abcd\te"), "abcd    e");
    assert_eq!(s("a\t\tb"), "a       b");
    assert_eq!(s("ab\n\tc\td"), "ab\n    c   d");
    // Display width, not bytes or chars: each of these ideographs takes two columns.
    assert_eq!(s("日\tx"), "日  x");
    assert_eq!(s("日本\tx"), "日本    x");
    assert_eq!(s("e\u{301}\tx"), "e\u{301}   x");
    assert_eq!(s("\x1b\tx"), "␛   x");
    assert_eq!(s("\u{202E}\tx"), "⟨RLO⟩   x");
}

#[test]
fn line_breaks_are_normalised_to_newline() {
    assert_eq!(s("a\r\nb\rc\nd"), "a\nb\nc\nd");
    assert_eq!(s("a\r\n\r\nb"), "a\n\nb");
    assert_eq!(s("a\n\rb"), "a\n\nb");
    assert_eq!(s("a\u{2028}b\u{2029}c\u{85}d"), "a\nb\nc\nd");
    assert_eq!(s("\r"), "\n");
    assert!(borrowed(sanitize("para one\n\npara two\n")));
}

#[test]
fn one_line_form_joins_lines_with_a_space_and_marks_paragraphs() {
    assert_eq!(l("a\nb"), "a b");
    assert_eq!(l("a\r\nb"), "a b");
    assert_eq!(l("a  \n  b"), "a b");
    assert_eq!(l("a\t\n\tb"), "a b");
    assert_eq!(l("a\n\nb"), "a ⏎ b");
    assert_eq!(l("a\r\n\r\n\r\nb"), "a ⏎ b");
    assert_eq!(l("a\n \n\tb"), "a ⏎ b");
    assert_eq!(
        l("one\u{2029}two\u{2028}three\u{85}four"),
        "one two three four"
    );
    assert_eq!(l("\n\n  a\n"), "a");
    assert_eq!(l("  \nx"), "x");
    assert_eq!(l("a \n"), "a");
    assert_eq!(l("\n"), "");
    assert_eq!(l("x\n\x1b[2Jy"), "x ␛[2Jy");
    assert_eq!(l("x\n\u{301}"), "x \u{301}");
    // No joiner or selector survives at the start of the next line.
    assert_eq!(l("x\n\u{200D}\u{FE0F}y"), "x y");
    assert!(borrowed(sanitize_line(
        "a plain row of text, 日本語 and 👨\u{200D}👩\u{200D}👧"
    )));
    assert!(borrowed(sanitize_line(
        "  leading and trailing spaces stay  "
    )));
}

#[test]
fn tabs_in_the_one_line_form_count_from_the_start_of_the_row() {
    assert_eq!(l("a\nb\tc"), "a b c");
    assert_eq!(l("a\n\tb"), "a b");
}

// --- whole-text properties ---------------------------------------------------------------------

#[test]
fn clean_text_is_borrowed() {
    for text in [
        "",
        "Hello, world.",
        "The minister said: \"We will not back down.\"",
        "Съешь же ещё этих мягких французских булок",
        "中文新闻 日本語 한국어",
        "multi\nline\ntext\n",
    ] {
        assert!(borrowed(sanitize(text)), "{text:?}");
    }
    assert!(!borrowed(sanitize_line("multi\nline")));
    assert!(!borrowed(sanitize("tab\there")));
}

#[test]
fn no_character_leaves_anything_unsafe_and_sanitizing_twice_changes_nothing() {
    for c in all_chars() {
        for text in [
            c.to_string(),
            format!("a{c}b"),
            format!("{c}{c}{c}"),
            format!("\n{c}\u{200D}{c}\u{301}"),
        ] {
            for (once, line) in [(sanitize(&text), false), (sanitize_line(&text), true)] {
                assert!(
                    !once.chars().any(|o| is_unsafe(o) || (line && o == '\n')),
                    "{:04X} in {text:?} -> {once:?}",
                    c as u32
                );
                let twice = if line {
                    sanitize_line(&once)
                } else {
                    sanitize(&once)
                };
                assert!(
                    matches!(twice, Cow::Borrowed(_)),
                    "{:04X}: {once:?} -> {twice:?}",
                    c as u32
                );
            }
        }
    }
}

#[test]
fn mixed_hostile_text_is_idempotent() {
    let text = "\u{FEFF}\tTitle\x1b]0;pwn\x07\r\n\u{202E}evil\u{202C}\u{2066}\n\n\u{200D}\u{200D}x\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\t\u{9b}31m\u{2028}\u{E0041}end\r";
    let once = s(text);
    assert_eq!(
        once,
        "    Title␛]0;pwn␇\n⟨RLO⟩evil⟨PDF⟩⟨LRI⟩\n\nx\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}   ⟨U+009B⟩31m\nend\n"
    );
    assert_eq!(s(&once), once);
    let row = l(text);
    assert_eq!(
        row,
        "    Title␛]0;pwn␇ ⟨RLO⟩evil⟨PDF⟩⟨LRI⟩ ⏎ x\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}   ⟨U+009B⟩31m end"
    );
    assert_eq!(l(&row), row);
}

/// What a terminal would do with the bytes: only printing and line feeds, no sequence at all.
#[test]
fn a_terminal_parser_sees_only_printable_text_and_newlines() {
    #[derive(Default)]
    struct Events(Vec<String>);
    impl vte::Perform for Events {
        fn execute(&mut self, byte: u8) {
            if byte != b'\n' {
                self.0.push(format!("execute {byte:#x}"));
            }
        }
        fn hook(&mut self, _: &vte::Params, _: &[u8], _: bool, action: char) {
            self.0.push(format!("dcs {action}"));
        }
        fn put(&mut self, byte: u8) {
            self.0.push(format!("put {byte:#x}"));
        }
        fn osc_dispatch(&mut self, _: &[&[u8]], _: bool) {
            self.0.push("osc".into());
        }
        fn csi_dispatch(&mut self, _: &vte::Params, _: &[u8], _: bool, action: char) {
            self.0.push(format!("csi {action}"));
        }
        fn esc_dispatch(&mut self, _: &[u8], _: bool, byte: u8) {
            self.0.push(format!("esc {byte:#x}"));
        }
    }
    let hostile: String = (0..0x100u32)
        .filter_map(char::from_u32)
        .flat_map(|c| [c, '[', '2', 'J', ']', '0', ';', 'x', '\x07'])
        .collect();
    for out in [sanitize(&hostile), sanitize_line(&hostile)] {
        let mut parser = vte::Parser::new();
        let mut events = Events::default();
        for &b in out.as_bytes() {
            parser.advance(&mut events, b);
        }
        assert!(events.0.is_empty(), "{:?}", events.0);
    }
}

#[test]
#[ignore = "timing, run with --release -- --ignored --nocapture"]
fn large_clean_text_is_fast() {
    use std::time::Instant;
    let ascii = "The quick brown fox jumps over the lazy dog. ".repeat(5 * 1024 * 1024 / 45);
    let mixed = "Ministerin sagte: „Nein.“ 日本語のテキスト — ok\n".repeat(5 * 1024 * 1024 / 60);
    for (name, text) in [("ascii", &ascii), ("mixed", &mixed)] {
        let t = Instant::now();
        let out = sanitize(text);
        let took = t.elapsed();
        assert!(matches!(out, Cow::Borrowed(_)));
        println!("{name}: {} bytes borrowed in {took:?}", text.len());
    }
    let tabs = ascii.replace(". ", ".\t");
    let t = Instant::now();
    let out = sanitize(&tabs);
    println!("tabs: {} bytes owned in {:?}", out.len(), t.elapsed());
}

// --- JSON ---------------------------------------------------------------------------------------

fn round_trips(text: &str) {
    let json = json_string(text);
    let back: String = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(back, text, "{json}");
    assert!(
        !json.chars().any(|c| json_escapes(c) || c == '\n'),
        "raw char left in {json:?}"
    );
    // Same bytes as through the serde formatter.
    let via_serde = to_json(&serde_json::Value::String(text.to_owned()));
    assert_eq!(via_serde, json);
}

#[test]
fn json_strings_escape_each_class_and_round_trip() {
    assert_eq!(json_string("a\"b\\c"), r#""a\"b\\c""#);
    assert_eq!(json_string("\x1b]0;t\x07"), r#""\u001b]0;t\u0007""#);
    assert_eq!(json_string("\t\n\r\x08\x0c"), r#""\t\n\r\b\f""#);
    assert_eq!(json_string("\x7f\u{9b}\u{85}"), r#""\u007f\u009b\u0085""#);
    assert_eq!(
        json_string("a\u{202E}b\u{2066}\u{200F}\u{61C}"),
        r#""a\u202eb\u2066\u200f\u061c""#
    );
    assert_eq!(json_string("\u{2028}\u{2029}"), r#""\u2028\u2029""#);
    assert_eq!(json_string("\u{E0041}"), r#""\udb40\udc41""#);
    assert_eq!(
        json_string("\u{200B}\u{FEFF}\u{AD}"),
        r#""\u200b\ufeff\u00ad""#
    );
    assert_eq!(json_string("👨\u{200D}👩"), "\"👨\\u200d👩\"");
    assert_eq!(json_string("می‌خواهم"), "\"می\\u200cخواهم\"");
    assert_eq!(json_string("plain 日本 é"), "\"plain 日本 é\"");
    for text in [
        "",
        "plain",
        "\0\x01\x1f\x7f",
        "\u{80}\u{9f}",
        "\u{202A}\u{202E}\u{2066}\u{2069}\u{200E}\u{200F}\u{61C}",
        "\u{E0000}\u{E007F}🏴\u{E0067}",
        "\u{1D173}\u{FFF9}\u{2060}",
        "Z\u{301}\u{301}\u{301}\u{FE0F}\u{E0100}",
        "\"quoted\" and \\back\\slashed",
        "\u{10FFFF}\u{FFFD}",
    ] {
        round_trips(text);
    }
}

#[test]
fn every_character_round_trips_through_json() {
    let text: String = all_chars().collect();
    round_trips(&text);
    for c in all_chars().filter(|&c| json_escapes(c)) {
        round_trips(&c.to_string());
    }
}

#[test]
fn json_values_keep_their_layout_and_escape_keys_and_values() {
    let value = serde_json::json!({
        "title": "Plain title",
        "parties": [{"name": "A", "count": 3, "ok": true, "none": null, "ratio": 0.5}],
        "evil\u{202E}key": "\x1b]0;pwn\x07\u{9b}\u{E0041}",
    });
    let compact = to_json(&value);
    let pretty = to_json_pretty(&value);
    for json in [&compact, &pretty] {
        // Only the pretty layout's own line breaks are raw.
        assert!(
            !json.chars().any(|c| c != '\n' && json_escapes(c)),
            "{json}"
        );
        assert!(
            json.contains(r#""evil\u202ekey": "\u001b]0;pwn\u0007\u009b\udb40\udc41""#)
                || json.contains(r#""evil\u202ekey":"\u001b]0;pwn\u0007\u009b\udb40\udc41""#)
        );
        let back: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(back, value);
    }
    // Without anything to escape, the layout is exactly serde_json's.
    let clean = serde_json::json!({"a": [1, 2, {"b": "c"}], "d": {}, "e": []});
    assert_eq!(to_json(&clean), serde_json::to_string(&clean).unwrap());
    assert_eq!(
        to_json_pretty(&clean),
        serde_json::to_string_pretty(&clean).unwrap()
    );
}

#[test]
fn write_json_serializes_any_value_safely() {
    #[derive(serde::Serialize)]
    struct Quote<'a> {
        text: &'a str,
        by: Vec<&'a str>,
    }
    let mut out = Vec::new();
    write_json(
        &mut out,
        &Quote {
            text: "we \u{202E}won",
            by: vec!["A\x1b"],
        },
        false,
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"text":"we \u202ewon","by":["A\u001b"]}"#
    );
}

// --- the character map of sanitize_line ---------------------------------------------------------

/// The output of each input character, by [`sanitize_line_mapped`].
fn pieces(text: &str) -> Vec<String> {
    let (out, starts) = sanitize_line_mapped(text);
    assert_eq!(starts.len(), text.chars().count() + 1, "{text:?}");
    assert_eq!(
        out,
        sanitize_line(text),
        "the map changes nothing: {text:?}"
    );
    assert_eq!(starts.last(), Some(&out.len()));
    starts
        .windows(2)
        .map(|w| {
            assert!(w[0] <= w[1], "{text:?}: {starts:?}");
            out[w[0]..w[1]].to_string()
        })
        .collect()
}

#[test]
fn mapped_line_gives_each_character_its_output() {
    assert_eq!(pieces("abc"), ["a", "b", "c"]);
    assert_eq!(pieces("a\u{1b}b"), ["a", "␛", "b"]);
    assert_eq!(pieces("x\u{9b}y"), ["x", "⟨U+009B⟩", "y"]);
    assert_eq!(pieces("a\u{202e}b"), ["a", "⟨RLO⟩", "b"]);
    assert_eq!(pieces("Zoë 李伟"), ["Z", "o", "ë", " ", "李", "伟"]);
    // Dropped characters have no output; a joiner kept inside an emoji keeps its place.
    assert_eq!(pieces("a\u{200b}b"), ["a", "", "b"]);
    assert_eq!(pieces("👨\u{200d}👩"), ["👨", "\u{200d}", "👩"]);
    // Tabs, by column.
    assert_eq!(pieces("ab\tc"), ["a", "b", "  ", "c"]);
}

#[test]
fn mapped_line_breaks_belong_to_the_break_not_to_the_next_word() {
    assert_eq!(pieces("ab\ncd"), ["a", "b", " ", "c", "d"]);
    assert_eq!(pieces("ab\r\ncd"), ["a", "b", "", " ", "c", "d"]);
    assert_eq!(pieces("a\n\nb"), ["a", "", " ⏎ ", "b"]);
    // Spaces before a break go; the break's space stays out of the next word.
    let p = pieces("ab  \ncd");
    assert_eq!(p.concat(), "ab cd");
    assert_eq!(&p[5..], ["c", "d"]);
    assert_eq!(pieces("\n\nab\n"), ["", "", "a", "b", ""]);
    // A paragraph mark after dropped spaces never splits a character.
    let p = pieces("a   \n\n b");
    assert_eq!(p.concat(), "a ⏎ b");
    assert_eq!(p.last().map(String::as_str), Some("b"));
}

#[test]
fn mapped_line_agrees_with_sanitize_line_on_every_class() {
    let samples = [
        "",
        " ",
        "\t\t",
        "\n",
        "a\u{301}\u{301}",
        "\u{301}x",
        "\u{fe0f}a\u{fe0f}\u{fe0f}",
        "\u{200d}\u{200d}a",
        "a \n \n b",
        "x\r\ny\u{85}z\u{2028}w",
        "tab\tafter\n\tnext",
        "\u{e0041}flag",
        "Ångström\u{ad}s",
        &"z\u{300}".repeat(3),
        &"e\u{301}".repeat(20),
        "中\t文",
        "end  ",
    ];
    for s in samples {
        pieces(s);
    }
    let zalgo = format!("a{}b", "\u{300}".repeat(20));
    let p = pieces(&zalgo);
    assert_eq!(p.concat(), sanitize_line(&zalgo));
}
