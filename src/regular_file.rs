//! Reading a file that others may have replaced: only a regular file, never more
//! than a cap. The one rule for every file storyx reads as data (story files, the
//! cache's packs, the reviewed store, the config, the reading state): `stat` first
//! (opening a device or a FIFO can have effects of its own), then open without
//! blocking and without becoming a controlling terminal, `fstat` the open file (the
//! path can change in between), then read at most `cap + 1` bytes whatever the size
//! said. Imports nothing of storyx: every layer may use it.

use std::fs::{File, FileType};
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// No such file (or a symlink that leads nowhere).
    NotFound,
    /// The path leads to something else than a regular file: what ("a FIFO").
    NotRegular(&'static str),
    /// The file holds more than the cap: its size, or the bytes read past the cap
    /// when it grew after the `stat`.
    TooLarge { size: u64, cap: u64 },
    /// Opening it failed.
    Open(std::io::Error),
    /// Reading it (or its status) failed.
    Read(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file"),
            ReadError::NotRegular(kind) => write!(f, "not a regular file: {kind}"),
            ReadError::TooLarge { size, cap } => {
                write!(f, "{size} bytes, over the {cap}-byte limit")
            }
            ReadError::Open(e) => write!(f, "cannot open: {e}"),
            ReadError::Read(e) => write!(f, "cannot read: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// What a file type is, in words ("a FIFO", "a regular file").
pub fn kind_of(t: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symlink"
    } else if t.is_file() {
        "a regular file"
    } else {
        "something else"
    }
}

fn regular(t: FileType) -> Result<(), ReadError> {
    if t.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotRegular(kind_of(t)))
    }
}

fn stat_error(e: std::io::Error) -> ReadError {
    if e.kind() == std::io::ErrorKind::NotFound {
        ReadError::NotFound
    } else {
        ReadError::Read(e)
    }
}

/// Opens the regular file at `path` (symlinks followed) for reading, with its size
/// then: `stat` before opening, opened without blocking and without becoming a
/// controlling terminal, `fstat` on what was opened.
pub fn open(path: &Path) -> Result<(File, u64), ReadError> {
    open_between(path, || ())
}

/// [`open`], with `between` run after the `stat` and before the open (where a
/// test swaps the file).
fn open_between(path: &Path, between: impl FnOnce()) -> Result<(File, u64), ReadError> {
    regular(std::fs::metadata(path).map_err(stat_error)?.file_type())?;
    between();
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Open(e),
    })?;
    let meta = file.metadata().map_err(ReadError::Read)?;
    regular(meta.file_type())?;
    Ok((file, meta.len()))
}

/// Opens the file at `path` for reading as [`open`] does, for a caller that has just
/// found it (`lstat`) to be a regular file and not a symlink: without a `stat` of
/// its own, and refusing a symlink put in its place since (`O_NOFOLLOW`: an error).
/// The caller `fstat`s what was opened.
#[cfg(unix)]
pub fn open_statted(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_NOFOLLOW)
        .open(path)
}

/// The bytes of the regular file at `path` (symlinks followed), at most `cap` of
/// them, as [`open`] opens it; reading stops one byte past the cap.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open(path)?;
    if size > cap {
        return Err(ReadError::TooLarge { size, cap });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Read)?;
    if bytes.len() as u64 > cap {
        let size = bytes.len() as u64;
        return Err(ReadError::TooLarge { size, cap });
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
            Err(ReadError::TooLarge { size: 5, cap: 4 })
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
        mkfifo(&fifo);
        let e = read_capped(&fifo, 100).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file: a FIFO");
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let e = read_capped(&zero, 100).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file: a character device");
        let e = read_capped(dir.path(), 100).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file: a folder");
        let broken = dir.path().join("broken");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &broken).unwrap();
        assert!(matches!(
            read_capped(&broken, 100),
            Err(ReadError::NotFound)
        ));
    }

    fn mkfifo(path: &Path) {
        assert!(std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success());
    }

    /// The path changes between the `stat` and the open: what was opened decides
    /// (`fstat`), and opening a FIFO does not wait for a writer.
    #[cfg(unix)]
    #[test]
    fn a_file_swapped_after_the_stat_is_judged_by_what_was_opened() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("f.yaml");
        type Swap = fn(&Path);
        let swaps: [(Swap, &str); 3] = [
            (mkfifo, "a FIFO"),
            (
                |p| std::os::unix::fs::symlink("/dev/zero", p).unwrap(),
                "a character device",
            ),
            (|p| std::fs::create_dir(p).unwrap(), "a folder"),
        ];
        for (swap, kind) in swaps {
            std::fs::write(&f, b"title: x\n").unwrap();
            let (tx, rx) = std::sync::mpsc::channel();
            let path = f.clone();
            std::thread::spawn(move || {
                let got = open_between(&path, || {
                    std::fs::remove_file(&path).unwrap();
                    swap(&path);
                });
                tx.send(got.map(|_| ()).map_err(|e| e.to_string())).unwrap();
            });
            let got = rx
                .recv_timeout(std::time::Duration::from_secs(20))
                .expect("the open hung");
            assert_eq!(got, Err(format!("not a regular file: {kind}")));
            if std::fs::symlink_metadata(&f).unwrap().is_dir() {
                std::fs::remove_dir(&f).unwrap();
            } else {
                std::fs::remove_file(&f).unwrap();
            }
        }
        // A regular file swapped for another regular file is read: the new one.
        std::fs::write(&f, b"old").unwrap();
        let (mut file, size) = open_between(&f, || std::fs::write(&f, b"newer").unwrap()).unwrap();
        assert_eq!(size, 5);
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        assert_eq!(text, "newer");
    }
}
