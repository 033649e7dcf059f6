//! Copying through the terminal: OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`) asks the
//! terminal to put text on the system clipboard, so it works over SSH too. The
//! text travels as base64, so nothing in it can act on the terminal.

use std::fmt;
use std::io::{self, Write};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// The crossterm command that sets the clipboard.
#[derive(Debug, Clone, Copy)]
pub struct SetClipboard<'a>(pub &'a str);

impl crossterm::Command for SetClipboard<'_> {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        write!(f, "\x1b]52;c;{}\x07", STANDARD.encode(self.0))
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        Err(io::Error::other(
            "OSC 52 needs a terminal that reads escape sequences",
        ))
    }
}

/// Writes the sequence for `text` to `out` and flushes it.
pub fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    crossterm::execute!(out, SetClipboard(text))
}
