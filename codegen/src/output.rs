//! Writing generated files all or nothing.
//!
//! Whatever instant a command is killed at, and whatever I/O error it
//! meets, its target is either entirely as it was or entirely new:
//!
//! - One file ([`write_file`]): the new contents go to a temporary file in
//!   the same directory, are flushed to disk, and are renamed over the
//!   target: one atomic step.
//! - A set of files in a directory ([`write_dir`]): the new set is built in
//!   a staging directory beside the target (unchanged files and any other
//!   entry of the target are hard links to the old ones), and the two
//!   directories are exchanged in one `renameat2(RENAME_EXCHANGE)` on Linux.
//!   Elsewhere the exchange is two renames, with a moment where the
//!   target is missing.
//!
//! Staging left behind by a killed run (`.<name>.dogen-<pid>`, whose
//! process is gone) is removed by the next run. Files whose contents did
//! not change are not rewritten.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::backend::OutputFile;
use crate::error::Error;

/// What a write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Files whose contents changed (or that did not exist).
    pub changed: Vec<String>,
    /// Files already as generated, left untouched.
    pub unchanged: Vec<String>,
}

/// The marker in the names of staging files and directories.
const STAGING: &str = ".dogen-";

/// Replaces `path` with `contents` in one atomic step; does nothing when the
/// file already holds exactly `contents`.
pub fn write_file(path: &Path, contents: &[u8]) -> Result<bool, Error> {
    if fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(false);
    }
    let (parent, name) = split(path);
    fs::create_dir_all(&parent).map_err(Error::write(&parent))?;
    clean_stale(&parent, &name);
    let staging = parent.join(staging_name(&name));
    let result = write_synced(&staging, contents).and_then(|()| fs::rename(&staging, path));
    if let Err(source) = result {
        let _ = fs::remove_file(&staging);
        return Err(Error::Write { path: path.to_path_buf(), source });
    }
    sync_dir(&parent);
    Ok(true)
}

/// Makes `dir` hold `files`, all or nothing; other entries of `dir` are
/// kept. Files already as generated are not rewritten, and when all of
/// them are, nothing is written at all.
pub fn write_dir(dir: &Path, files: &[OutputFile]) -> Result<Written, Error> {
    let mut written = Written::default();
    for file in files {
        let same = fs::read(dir.join(file.name)).is_ok_and(|old| old == file.contents.as_bytes());
        let list = if same { &mut written.unchanged } else { &mut written.changed };
        list.push(file.name.to_owned());
    }
    if written.changed.is_empty() {
        return Ok(written);
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Write {
            path: dir.to_path_buf(),
            source: std::io::Error::other("exists and is not a directory"),
        });
    }
    // A generated name held by a directory (or anything but a file) is the
    // user's: refuse before changing anything, rather than replace it.
    for file in files {
        let path = dir.join(file.name);
        if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(Error::Write { path, source: std::io::Error::other("exists and is not a file") });
        }
    }
    let (parent, name) = split(dir);
    fs::create_dir_all(&parent).map_err(Error::write(&parent))?;
    clean_stale(&parent, &name);
    let staging = parent.join(staging_name(&name));
    let result = stage(dir, &staging, files).and_then(|()| exchange(&staging, dir));
    // After an exchange the staging name holds the old directory.
    let _ = fs::remove_dir_all(&staging);
    result.map_err(|source| Error::Write { path: dir.to_path_buf(), source })?;
    sync_dir(&parent);
    Ok(written)
}

/// Creates `dir`, which must not exist or be empty, holding `files` (paths
/// relative to it, `/`-separated): all of them, or nothing.
pub fn create_tree(dir: &Path, files: &[(&str, &str)]) -> Result<(), Error> {
    if dir.exists() {
        let empty = fs::read_dir(dir).map_err(Error::read(dir))?.next().is_none();
        if !empty {
            return Err(Error::Usage(format!("`{}` exists and is not empty; give a new directory", dir.display())));
        }
    }
    let (parent, name) = split(dir);
    fs::create_dir_all(&parent).map_err(Error::write(&parent))?;
    clean_stale(&parent, &name);
    let staging = parent.join(staging_name(&name));
    let build = || -> std::io::Result<()> {
        fs::create_dir(&staging)?;
        for (path, contents) in files {
            let target = staging.join(path);
            if let Some(folder) = target.parent() {
                fs::create_dir_all(folder)?;
            }
            write_synced(&target, contents.as_bytes())?;
        }
        if dir.exists() {
            fs::remove_dir(dir)?;
        }
        fs::rename(&staging, dir)
    };
    let result = build();
    let _ = fs::remove_dir_all(&staging);
    result.map_err(Error::write(dir))?;
    sync_dir(&parent);
    Ok(())
}

/// Builds the new directory at `staging`: the generated files, and a hard
/// link (or a copy) of every other entry of `dir`.
fn stage(dir: &Path, staging: &Path, files: &[OutputFile]) -> std::io::Result<()> {
    fs::create_dir(staging)?;
    if dir.is_dir() {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name();
            let generated = files.iter().find(|f| name == f.name);
            match generated {
                Some(file) if fs::read(entry.path()).is_ok_and(|old| old == file.contents.as_bytes()) => {
                    link_tree(&entry.path(), &staging.join(&name))?;
                }
                Some(_) => {}
                None => link_tree(&entry.path(), &staging.join(&name))?,
            }
        }
    }
    for file in files {
        let path = staging.join(file.name);
        if !path.exists() {
            write_synced(&path, file.contents.as_bytes())?;
        }
    }
    sync_dir(staging);
    Ok(())
}

/// Mirrors `from` at `to` without copying file contents where the file
/// system allows: directories are made, files hard-linked, symlinks copied.
fn link_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    let meta = fs::symlink_metadata(from)?;
    if meta.is_dir() {
        fs::create_dir(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            link_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else if meta.file_type().is_symlink() {
        copy_symlink(from, to)
    } else {
        fs::hard_link(from, to).or_else(|_| fs::copy(from, to).map(|_| ()))
    }
}

#[cfg(unix)]
fn copy_symlink(from: &Path, to: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(fs::read_link(from)?, to)
}

#[cfg(not(unix))]
fn copy_symlink(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::copy(from, to).map(|_| ())
}

/// Puts `staging` at `dir`. On Linux an existing `dir` is exchanged with
/// `staging` atomically, leaving the old directory at `staging`.
fn exchange(staging: &Path, dir: &Path) -> std::io::Result<()> {
    if !dir.exists() {
        return fs::rename(staging, dir);
    }
    #[cfg(target_os = "linux")]
    {
        match rename_exchange(staging, dir) {
            Ok(()) => return Ok(()),
            // File systems without RENAME_EXCHANGE: fall through.
            Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) => {}
            Err(e) => return Err(e),
        }
    }
    let (parent, name) = split(dir);
    let old = parent.join(format!(".{name}{STAGING}old-{}", std::process::id()));
    fs::rename(dir, &old)?;
    if let Err(e) = fs::rename(staging, dir) {
        let _ = fs::rename(&old, dir);
        return Err(e);
    }
    fs::rename(&old, staging)
}

#[cfg(target_os = "linux")]
fn rename_exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt as _;
    let a = CString::new(a.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    let b = CString::new(b.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    // SAFETY: both paths are NUL-terminated strings that outlive the call.
    let status = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if status == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
}

/// Writes `contents` to a new file at `path` and flushes it to disk.
fn write_synced(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

/// Flushes a directory's entries to disk, where the platform can.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The directory holding `path` and `path`'s own name.
fn split(path: &Path) -> (PathBuf, String) {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    (parent, name)
}

/// `.<name>.dogen-<pid>`: this process's staging name for `name`.
fn staging_name(name: &str) -> String {
    format!(".{name}{STAGING}{}", std::process::id())
}

/// Removes staging entries for `name` in `parent` whose process is gone:
/// what a killed run left.
fn clean_stale(parent: &Path, name: &str) {
    let prefix = format!(".{name}{STAGING}");
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else { continue };
        let pid = rest.strip_prefix("old-").unwrap_or(rest);
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid == std::process::id() || process_alive(pid) {
            continue;
        }
        let path = entry.path();
        let _ = if path.is_dir() { fs::remove_dir_all(&path) } else { fs::remove_file(&path) };
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
    // SAFETY: signal 0 only checks whether the process exists.
    let status = unsafe { libc::kill(pid, 0) };
    status == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

/// Refuses an output directory that would take the crate with it: the
/// crate directory itself, one of its ancestors, or a folder inside its
/// `src/`.
pub fn check_out_dir(crate_dir: &Path, out: &Path) -> Result<(), Error> {
    let (Some(krate), Some(target)) = (absolute(crate_dir), absolute(out)) else { return Ok(()) };
    let refuse = |why: &str| Err(Error::BadOut { path: out.to_path_buf(), why: why.to_owned() });
    if krate.starts_with(&target) {
        return refuse(if krate == target {
            "is the crate directory itself; dogen replaces the whole output directory, so give it a folder of its own (e.g. `--out ts`)"
        } else {
            "contains the crate directory; dogen replaces the whole output directory, so give it a folder of its own (e.g. `--out ts`)"
        });
    }
    if target.starts_with(krate.join("src")) {
        return refuse(
            "is inside the crate's `src/`; generated files do not belong among the Rust sources: write them outside `src/`",
        );
    }
    Ok(())
}

/// `path` made absolute and free of `.`/`..` and symlinks as far as it
/// exists (the rest is appended as written).
fn absolute(path: &Path) -> Option<PathBuf> {
    let path = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().ok()?.join(path) };
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                match part {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::CurDir => {}
                    other => out.push(other),
                }
            }
            return Some(out);
        }
        rest.push(existing.components().next_back()?);
        existing = existing.parent()?;
    }
}
