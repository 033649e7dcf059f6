//! Debug logs through `tracing`, written to a file only when `STORYX_LOG` names one
//! (appended to); without it nothing is logged. Logs never go to the terminal.

use std::fs::OpenOptions;
use std::sync::Mutex;

use crate::sanitize::sanitize_line;

/// The environment variable naming the log file.
pub const ENV: &str = "STORYX_LOG";

/// Starts logging at debug level to the file `STORYX_LOG` names, if it is set and not empty.
/// A file that cannot be opened gets one note on standard error (before any screen is drawn).
pub fn init() {
    let Some(path) = std::env::var_os(ENV).filter(|v| !v.is_empty()) else {
        return;
    };
    match OpenOptions::new().create(true).append(true).open(&path) {
        Ok(file) => {
            let _ = tracing_subscriber::fmt()
                .with_writer(Mutex::new(file))
                .with_max_level(tracing::Level::DEBUG)
                .with_target(false)
                .try_init();
        }
        Err(e) => eprintln!(
            "storyx: cannot open the log file {}: {e}; logging is off",
            sanitize_line(&std::path::Path::new(&path).display().to_string())
        ),
    }
}
