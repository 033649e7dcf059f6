//! `storyx schema`: the JSON Schema of the story format, for editors and other tools.

use crate::sanitize::to_json_pretty;
use crate::story::schema::story_schema;

pub fn run() -> u8 {
    let mut text = to_json_pretty(&story_schema());
    text.push('\n');
    super::print_out(text.as_bytes())
}
