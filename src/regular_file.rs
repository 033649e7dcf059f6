//! Reading a small file that others may have replaced: only a regular file,
//! never more than a cap. `stat` first (opening a device or FIFO can have
//! effects of its own), then open without blocking and `fstat` the open file
//! (the path can change in between), then read at most `cap + 1` bytes.

use std::fs::FileType;
use std::io::Read;
use std::path::Path;

/// Why a capped read gave nothing.
#[derive(Debug)]
pub enum ReadError {
    /// No such file.
    NotFound,
    /// The path leads to something else than a regular file ("a FIFO").
    NotRegular(&'static str),
    /// The file holds more than the cap.
    TooLarge { cap: u64 },
    /// Any other failure.
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file"),
            ReadError::NotRegular(kind) => write!(f, "not a regular file: {kind}"),
            ReadError::TooLarge { cap } => write!(f, "over the {cap}-byte limit"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// What a file type is, in words, if not a regular file.
fn irregular(t: FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    if t.is_dir() {
        return Some("a folder");
    }
    (!t.is_file()).then_some("not a file")
}

fn io(e: std::io::Error) -> ReadError {
    if e.kind() == std::io::ErrorKind::NotFound {
        ReadError::NotFound
    } else {
        ReadError::Io(e)
    }
}

/// The bytes of the regular file at `path` (symlinks followed), at most `cap`.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let before = std::fs::metadata(path).map_err(io)?;
    if let Some(kind) = irregular(before.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    if before.len() > cap {
        return Err(ReadError::TooLarge { cap });
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let open = file.metadata().map_err(io)?;
    if let Some(kind) = irregular(open.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    let mut bytes = Vec::new();
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge { cap });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_under_the_cap_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a");
        std::fs::write(&f, b"hello").unwrap();
        assert_eq!(read_capped(&f, 5).unwrap(), b"hello");
        assert!(matches!(
            read_capped(&f, 4),
            Err(ReadError::TooLarge { cap: 4 })
        ));
        assert!(matches!(
            read_capped(&dir.path().join("none"), 4),
            Err(ReadError::NotFound)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_a_device_and_a_folder_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let e = read_capped(&fifo, 100).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file: a FIFO");
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let e = read_capped(&zero, 100).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file: a character device");
        let e = read_capped(dir.path(), 100).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file: a folder");
    }
}
