//! `log10` inside the program, so the system's maths library is never
//! loaded.
//!
//! The one function handoff needs from libm is `log10`, referenced by
//! ratatui-textarea to count the digits of line numbers. handoff shows no
//! line numbers, so the call never even runs, yet loading libm for it costs
//! about 0.4 MB of memory at every start: a tenth of the whole program at
//! 80×24 (docs/PERFORMANCE.md). Defined here, the reference is resolved
//! inside the binary and the linker, which Rust runs with `--as-needed`,
//! drops the library. tests/footprint.rs checks it stays dropped.
//!
//! The body is the `libm` crate's: the Rust project's pure-Rust port of
//! musl's maths library, the same algorithm many C libraries use. Remove
//! this file once ratatui-textarea counts digits with integer `ilog10`.

/// Base-10 logarithm, with the C library's contract.
#[unsafe(no_mangle)]
pub extern "C" fn log10(x: f64) -> f64 {
    libm::log10(x)
}

#[cfg(test)]
mod tests {
    use super::log10;

    #[test]
    fn powers_of_ten_and_the_edges() {
        for exponent in -300..=300 {
            let x: f64 = format!("1e{exponent}").parse().expect("a number");
            assert_eq!(log10(x), f64::from(exponent), "log10({x})");
        }
        assert_eq!(log10(0.0), f64::NEG_INFINITY);
        assert!(log10(-1.0).is_nan());
        assert!(log10(f64::NAN).is_nan());
        assert_eq!(log10(f64::INFINITY), f64::INFINITY);
        assert!((log10(2.0) - std::f64::consts::LOG10_2).abs() < 1e-16);
    }
}
