//! Build script: in release builds, asks the linker to put the functions a
//! session runs (listed in `src/hot_code.txt`) next to each other.
//!
//! Without it, the few hundred functions a session runs are spread over
//! all 2 MB of machine code, and the kernel maps code in 64 KB blocks, so
//! nearly the whole binary becomes resident: about 1 MB more memory than
//! needed (docs/PERFORMANCE.md). The list is recorded by
//! `cargo bench --bench hot_code`. A name that is not in the binary (code
//! renamed since, another compiler) is skipped by the linker, so a stale
//! list only loses some of the gain; it never changes what the program does.
//!
//! The option is passed only where the linker accepts it, found by linking
//! an empty program with it first. Rust's own linker (LLD, the default on
//! x86-64 Linux since Rust 1.90) does; GNU ld does not, and there the
//! binary is simply laid out as the compiler left it.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const HOT_CODE: &str = "src/hot_code.txt";

fn main() {
    println!("cargo:rerun-if-changed={HOT_CODE}");
    println!("cargo:rerun-if-changed=src/build.rs");
    if env::var("PROFILE").as_deref() != Ok("release") {
        return;
    }
    let (Some(manifest_dir), Some(out_dir)) =
        (env::var_os("CARGO_MANIFEST_DIR"), env::var_os("OUT_DIR"))
    else {
        return;
    };
    let list = Path::new(&manifest_dir).join(HOT_CODE);
    if !list.is_file() {
        return;
    }
    // `-Wl,` splits its argument at commas.
    let Some(list) = list.to_str().filter(|path| !path.contains(',')) else {
        return;
    };
    let options = [
        format!("-Wl,--symbol-ordering-file={list}"),
        "-Wl,--no-warn-symbol-ordering".to_string(),
    ];
    if !linker_accepts(&options, &PathBuf::from(out_dir)) {
        println!(
            "cargo:warning=the linker cannot order functions; the binary works the same but uses about 1 MB more memory"
        );
        return;
    }
    for option in options {
        println!("cargo:rustc-link-arg-bin=handoff={option}");
    }
}

/// Links an empty program with `options`, using the same compiler, target,
/// linker and flags as the real build.
fn linker_accepts(options: &[String], out_dir: &Path) -> bool {
    let Some(rustc) = env::var_os("RUSTC") else {
        return false;
    };
    let mut probe = Command::new(rustc);
    probe
        .args(["--crate-type", "bin", "--crate-name", "linker_probe", "-o"])
        .arg(out_dir.join("linker_probe"))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Ok(target) = env::var("TARGET") {
        probe.args(["--target", &target]);
    }
    if let Some(linker) = env::var_os("RUSTC_LINKER") {
        probe
            .arg("-C")
            .arg(format!("linker={}", linker.to_string_lossy()));
    }
    if let Ok(flags) = env::var("CARGO_ENCODED_RUSTFLAGS") {
        probe.args(flags.split('\x1f').filter(|flag| !flag.is_empty()));
    }
    for option in options {
        probe.arg("-C").arg(format!("link-arg={option}"));
    }
    let Ok(mut child) = probe.spawn() else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        if stdin.write_all(b"fn main() {}\n").is_err() {
            return false;
        }
    }
    child.wait().is_ok_and(|status| status.success())
}
