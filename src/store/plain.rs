//! What an entry in the data folder is, in the words an error uses.

use std::fs::FileType;
use std::os::unix::fs::FileTypeExt;

/// What an entry is, in the words an error uses.
pub fn kind_of(kind: FileType) -> &'static str {
    if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_file() {
        "a file"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "not a plain file or folder"
    }
}
